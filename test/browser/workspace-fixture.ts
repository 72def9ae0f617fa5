/**
 * A signed-in workspace for element tests: real Yjs docs and a real LiveConnection that cannot
 * reach any relay (so every message of mine stays "not delivered"), provided through context.
 */
import { ContextProvider } from '@lit/context'
import * as Y from 'yjs'
import { apiContext, workspaceContext } from '../../client/app/contexts.js'
import { hearthApi } from '../../client/api/hearth-api.js'
import { LiveConnection } from '../../client/live/live-connection.js'
import type { RoomView } from '../../client/chat/room-view.js'
import '../../client/chat/room-view.js'
import { Workspace } from '../../client/workspace/workspace.js'

export const kevin = { id: 'kevin', name: 'Kevin McConnell', role: 'member' as const }

export type RoomsFixture = Record<string, { name: string; kind: 'open' | 'closed' | 'ping'; members?: string[] }>

export async function workspaceFor(
  rooms: RoomsFixture,
  live = new LiveConnection({ url: 'ws://127.0.0.1:9/live', persist: false }),
): Promise<Workspace> {
  const workspace = await Workspace.open(kevin, live)
  workspace.account.doc.transact(() => {
    const users = workspace.account.doc.getMap('users')
    users.set('david', { id: 'david', name: 'David Heinemeier Hansson', role: 'administrator' })
    users.set('kevin', { id: 'kevin', name: 'Kevin McConnell', role: 'member' })
    users.set('jz', { id: 'jz', name: 'Jason Zimdars', role: 'member' })
  })
  workspace.user.doc.transact(() => {
    for (const [id, room] of Object.entries(rooms)) {
      workspace.user.doc.getMap('rooms').set(id, { id, involvement: 'mentions', members: room.members ?? [], ...room })
    }
  })
  // The relay writes these docs: as far as delivery goes, it has all of them.
  for (const live of [workspace.account, workspace.user]) live.relayState.learnUpdate(Y.encodeStateAsUpdate(live.doc))
  await waitFor(() => Object.keys(rooms).every((id) => workspace.room(id)))
  return workspace
}

/** A host element that provides the workspace (and the API) to whatever is put inside it. */
export function providing(workspace: Workspace): HTMLElement {
  const host = document.createElement('div')
  host.style.height = '600px'
  host.style.display = 'grid'
  new ContextProvider(host, { context: workspaceContext, initialValue: workspace })
  new ContextProvider(host, { context: apiContext, initialValue: hearthApi })
  document.body.append(host)
  return host
}

export interface Received {
  id: string
  author: string
  body: string
  /** Now, by default. */
  createdAt?: number
  /** Written only when given, as the composer writes them. */
  mentions?: string[]
}

/**
 * Writes messages straight into a room doc, as if they had synced from others; `origin` is the
 * transaction's, as the live connection marks an update from the relay (or its catch-up).
 */
export function receive(workspace: Workspace, roomId: string, messages: Received[], origin?: unknown): void {
  const doc = workspace.room(roomId)!.doc
  doc.transact(() => {
    for (const message of messages) {
      const entry = new Y.Map<unknown>()
      doc.getMap('messages').set(message.id, entry)
      entry.set('author', message.author)
      entry.set('createdAt', message.createdAt ?? Date.now())
      entry.set('body', message.body)
      if (message.mentions) entry.set('mentions', message.mentions)
    }
  }, origin)
}

export async function waitFor(check: () => unknown, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 16))
  }
}

/** A <room-view> on the room, inside a host that provides the workspace. */
export async function roomViewOf(workspace: Workspace, roomId: string): Promise<RoomView> {
  const view = document.createElement('room-view')
  view.roomId = roomId
  providing(workspace).append(view)
  await view.updateComplete
  return view
}

/** An open room, a closed one kevin is in, All Talk and a ping with david: a sidebar's worth. */
export const FOUR_ROOMS: RoomsFixture = {
  watercooler: { name: 'watercooler', kind: 'open' },
  designers: { name: 'Designers', kind: 'closed', members: ['kevin', 'jz'] },
  'all-talk': { name: 'All Talk', kind: 'open' },
  'ping-david-kevin': { name: '', kind: 'ping', members: ['david', 'kevin'] },
}

/** Types at the end of a textarea as a person does: value, caret, then the input event. */
export function typeInto(textarea: HTMLTextAreaElement, text: string): void {
  textarea.value += text
  textarea.setSelectionRange(textarea.value.length, textarea.value.length)
  textarea.dispatchEvent(new Event('input'))
}

/** A key pressed on an element, bubbling out of shadow roots as a real one does. */
export const press = (target: HTMLElement, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }))
