/**
 * Writing to a room doc. FIXME: switch to `shared/room`'s postMessage once issue 4 lands, so the
 * client and the relay's write authorizer share one definition of a valid message.
 */
import { ulid } from 'ulid'
import * as Y from 'yjs'
import { messagesOf } from './message.js'

/**
 * A hybrid logical clock: never below any createdAt this doc has seen, so a message written on
 * a device whose clock lags still sorts after what its author was replying to.
 */
export function nextCreatedAt(doc: Y.Doc, now = Date.now()): number {
  let latest = 0
  for (const entry of messagesOf(doc).values()) {
    const at = entry instanceof Y.Map ? entry.get('createdAt') : undefined
    if (typeof at === 'number' && at > latest) latest = at
  }
  return Math.max(now, latest + 1)
}

export function postMessage(doc: Y.Doc, author: string, body: string): string {
  const id = `${author}.${ulid()}`
  doc.transact(() => {
    const entry = new Y.Map<unknown>()
    messagesOf(doc).set(id, entry)
    entry.set('author', author)
    entry.set('createdAt', nextCreatedAt(doc))
    entry.set('body', body)
    entry.set('mentions', [])
  })
  return id
}
