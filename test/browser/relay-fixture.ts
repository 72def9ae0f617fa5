/**
 * Browser tests against a real relay (test/browser/real-relay.mjs serves it under this page's own
 * origin): a fresh account per test, david signed in as its first administrator, others joining
 * by the join link. The workspace mirrors what the relay says into its docs, as the live socket
 * would (the test server does not carry WebSockets), so elements read it as they do in the app.
 */
import * as Y from 'yjs'
import { hearthApi, type Me, type User } from '../../client/api/hearth-api.js'
import { LiveConnection } from '../../client/live/live-connection.js'
import { Workspace } from '../../client/workspace/workspace.js'

export const PASSWORD = 'a long and careful passphrase'

/** A new relay on an empty database, and david setting it up (this page now holds his session). */
export async function davidOnAFreshRelay(): Promise<Me> {
  const response = await fetch('/__relay/fresh', { method: 'POST' })
  if (response.status !== 204) throw new Error(`no fresh relay: ${response.status}`)
  await hearthApi.firstRun({ name: 'David Heinemeier Hansson', email: 'david@example.com', password: PASSWORD })
  const me = await hearthApi.me()
  if (!me) throw new Error('first run did not sign david in')
  return me
}

export async function stopRelay(): Promise<void> {
  await fetch('/__relay/stop', { method: 'POST' })
}

/** Someone joins by the link; their session cookie is dropped (credentials: 'omit'), so this page stays david's. */
export async function joins(name: string): Promise<User> {
  const { joinCode } = await hearthApi.account()
  const response = await fetch(`/api/join/${joinCode}`, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com`, password: PASSWORD }),
  })
  if (response.status !== 201) throw new Error(`join answered ${response.status}`)
  return ((await response.json()) as { user: User }).user
}

/** david's workspace, its account and user docs written from the API. */
export async function mirroredWorkspace(me: Me): Promise<Workspace> {
  const live = new LiveConnection({ url: 'ws://127.0.0.1:9/live', persist: false })
  const workspace = await Workspace.open(me, live)
  await mirror(workspace)
  return workspace
}

/** Writes the relay's current people and rooms into the workspace's docs (what the live socket would bring). */
export async function mirror(workspace: Workspace): Promise<void> {
  const [users, { rooms }] = await Promise.all([hearthApi.users(), fetch('/api/rooms').then((r) => r.json() as Promise<{ rooms: Array<Record<string, unknown> & { id: string }> }>)])
  workspace.account.doc.transact(() => {
    const map = workspace.account.doc.getMap('users')
    for (const user of users) map.set(user.id, { ...user })
  })
  workspace.user.doc.transact(() => {
    const map = workspace.user.doc.getMap('rooms')
    for (const key of [...map.keys()]) if (!rooms.some((room) => room.id === key)) map.delete(key)
    for (const room of rooms) map.set(room.id, { ...room })
  })
  for (const doc of [workspace.account, workspace.user]) doc.relayState.learnUpdate(Y.encodeStateAsUpdate(doc.doc))
}

export async function apiGet<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(path)
  return { status: response.status, body: (await response.json().catch(() => undefined)) as T }
}
