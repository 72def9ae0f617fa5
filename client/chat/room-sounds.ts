/**
 * Plays a `/play` message's sound when it arrives live in the room on screen (client/room/sounds.ts
 * says what counts as live). It observes the room doc's messages itself rather than the workspace's
 * `change`, because only the transaction's origin tells a live update from history: messages read
 * from this device or caught up on after (re)opening the doc never play.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type * as Y from 'yjs'
import { CATCHING_UP } from '../live/live-connection.js'
import type { LiveDoc } from '../live/live-doc.js'
import { messagesOf } from '../room/message.js'
import { playsOnArrival, soundUrl, type SoundName } from '../room/sounds.js'
import { readMessage } from '../../shared/room/order.js'
import type { Workspace } from '../workspace/workspace.js'

/** Plays one sound; a refused autoplay (no gesture on the page yet) or a missing file only means silence. */
export function playSound(name: SoundName): HTMLAudioElement {
  const audio = new Audio(soundUrl(name))
  audio.play().catch(() => undefined)
  return audio
}

interface RoomHost extends ReactiveControllerHost {
  workspace?: Workspace
  roomId: string
}

export class RoomSounds implements ReactiveController {
  private watched: { messages: Y.Map<Y.Map<unknown>>; live: LiveDoc } | undefined

  constructor(private readonly host: RoomHost) {
    host.addController(this)
  }

  /** Follows the room on screen, and its doc (a reset replaces it). */
  hostUpdated(): void {
    this.watch(this.host.workspace?.room(this.host.roomId))
  }

  hostDisconnected(): void {
    this.watch(undefined)
  }

  private watch(live: LiveDoc | undefined): void {
    const messages = live && messagesOf(live.doc)
    if (this.watched?.messages === messages) return
    this.watched?.messages.unobserve(this.arrived)
    this.watched = live && messages ? { messages, live } : undefined
    messages?.observe(this.arrived)
  }

  private readonly arrived = (event: Y.YMapEvent<Y.Map<unknown>>) => {
    const origin = event.transaction.origin
    const live = origin !== CATCHING_UP && origin !== this.watched?.live.store
    for (const [id, change] of event.changes.keys) {
      if (change.action !== 'add') continue
      const message = readMessage(id, event.target.get(id))
      const sound = message && playsOnArrival(message, live)
      if (sound) playSound(sound)
    }
  }
}
