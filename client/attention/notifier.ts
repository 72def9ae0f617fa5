/**
 * Browser notifications for messages that arrive while the person is not looking, following each
 * room's involvement (Campfire's rule: everything notifies every message, mentions only those that
 * mention me, nothing and invisible never).
 *
 * Only live news notifies: a room's messages are history until its doc has been synced once (what
 * IndexedDB held, and what the relay's step 2 brings after a reconnect, is never news), and a
 * message older than RECENT_MS is history too (someone's offline post synced much later).
 *
 * A person's tabs each hold every doc, so each tab sees every message: whichever tab gets to a
 * message first claims its id (under a Web Lock, so two tabs never both claim it), and only that
 * tab may notify. A tab showing the room claims without notifying, so the hidden tab stays quiet.
 * The notification's tag is the message id as well, so even a second one would replace the first.
 */
import { messagePath, navigate, routeFor } from '../app/routes.js'
import type { Message } from '../room/message.js'
import type { RoomEntry } from '../workspace/directory.js'
import type { Workspace } from '../workspace/workspace.js'
import { plainText } from '../markdown/plain-text.js'

/** A message written longer ago than this is not news when it arrives. */
export const RECENT_MS = 5 * 60_000
/** Notification bodies are cut to this many characters. */
export const BODY_LENGTH = 140
/** Message ids claimed by some tab of this person's, most recent last; `hearth:*` goes at sign-out. */
export const CLAIMS_KEY = 'hearth:notified'
const CLAIMS_KEPT = 200

/** Whether a message, arriving live, deserves a notification by the room's involvement. */
export function notifies(message: Message, room: RoomEntry, meId: string): boolean {
  if (message.author === meId) return false
  switch (room.involvement) {
    case 'everything':
      return true
    case 'mentions':
      return message.mentions.includes(meId)
    default:
      return false
  }
}

/** Whether this tab shows the room to its person right now: visible, focused, and open at that room. */
function showingRoom(roomId: string): boolean {
  const route = routeFor(location.pathname)
  return document.visibilityState === 'visible' && document.hasFocus() && route.page === 'chat' && route.roomId === roomId
}

export interface NotifierOptions {
  showing?: (roomId: string) => boolean
  now?: () => number
}

/** What the notifier last saw of a room doc: its recent message ids, and whether the doc was synced by then. */
interface Seen {
  doc: unknown
  version: number
  synced: boolean
  recent: Set<string>
}

export class Notifier {
  private readonly seen = new Map<string, Seen>()
  private readonly showing: (roomId: string) => boolean
  private readonly now: () => number

  constructor(private readonly workspace: Workspace, options: NotifierOptions = {}) {
    this.showing = options.showing ?? showingRoom
    this.now = options.now ?? Date.now
    // Synchronously on every change: a step 2 must be seen as the update that made the doc synced.
    workspace.addEventListener('change', this.look)
    this.look()
  }

  stop(): void {
    this.workspace.removeEventListener('change', this.look)
  }

  private readonly look = () => {
    for (const room of this.workspace.rooms().values()) {
      const live = this.workspace.room(room.id)
      if (!live) continue
      const before = this.seen.get(room.id)
      const synced = live.status === 'synced'
      if (before && before.doc === live.doc && before.version === live.contentVersion) {
        before.synced = synced
        continue
      }
      // Only the recent end of the room can hold news: a 20,000-message room costs a few ids, not all.
      const recent = recentMessages(this.workspace.messages(room.id), this.now() - RECENT_MS)
      this.seen.set(room.id, { doc: live.doc, version: live.contentVersion, synced, recent: new Set(recent.map((message) => message.id)) })
      // A fresh doc (first look, or reset by the relay) and anything before the first sync is history.
      if (!before || before.doc !== live.doc || !before.synced) continue
      for (const message of recent) {
        if (!before.recent.has(message.id) && notifies(message, room, this.workspace.me.id)) void this.deliver(room, message)
      }
    }
  }

  private async deliver(room: RoomEntry, message: Message): Promise<void> {
    if (!(await claim(message.id))) return
    if (this.showing(room.id) || typeof Notification === 'undefined' || Notification.permission !== 'granted') return
    const author = this.workspace.nameOf(message.author)
    const title = room.kind === 'ping' ? author : `${author} in ${this.workspace.roomName(room)}`
    const path = messagePath(room.id, message.id)
    const options: NotificationOptions = { body: bodyOf(message), tag: message.id, icon: '/icon.svg', data: { path } }
    let notification: Notification
    try {
      notification = new Notification(title, options)
    } catch {
      // Android's Chrome shows notifications only through the service worker, whose click handler
      // asks this tab (or a new window) to open the path.
      await showThroughWorker(title, options)
      return
    }
    notification.addEventListener('click', () => {
      window.focus()
      navigate(path)
      notification.close()
    })
  }
}

async function showThroughWorker(title: string, options: NotificationOptions): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration()
    if (!registration) throw new Error('no service worker')
    await registration.showNotification(title, options)
  } catch (error) {
    console.warn('[hearth] could not show a notification', error)
  }
}

/**
 * The messages written since `since`, from the end of the (createdAt, id) order. Anything recent
 * now was recent at the last look too, so a message new to this list is new to the room.
 */
function recentMessages(messages: Message[], since: number): Message[] {
  let start = messages.length
  while (start > 0 && messages[start - 1]!.createdAt >= since) start--
  return messages.slice(start)
}

function bodyOf(message: Message): string {
  const text = plainText(message.body) || (message.attachment ? `📎 ${message.attachment.name}` : '')
  return text.length > BODY_LENGTH ? `${text.slice(0, BODY_LENGTH - 1)}…` : text
}

/** True for the first tab (of this person, on this device) to claim a message; false ever after. */
export async function claim(messageId: string): Promise<boolean> {
  const take = () => {
    let claimed: unknown
    try {
      claimed = JSON.parse(localStorage.getItem(CLAIMS_KEY) ?? '[]')
    } catch {
      claimed = []
    }
    const ids = Array.isArray(claimed) ? claimed.filter((id): id is string => typeof id === 'string') : []
    if (ids.includes(messageId)) return false
    ids.push(messageId)
    localStorage.setItem(CLAIMS_KEY, JSON.stringify(ids.slice(-CLAIMS_KEPT)))
    return true
  }
  // Web Locks are exclusive across the origin's tabs, which makes the read-then-write above atomic.
  return navigator.locks ? navigator.locks.request(CLAIMS_KEY, take) : take()
}
