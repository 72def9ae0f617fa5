/**
 * Messages as the room view reads them: the room schema is shared with the relay's write
 * authorizer (`shared/room`), so the client reads exactly what the relay accepts. Order is
 * (createdAt, id), never insertion order.
 */
import * as Y from 'yjs'
import { messagesOf } from '../../shared/room/messages.js'

export type { Message } from '../../shared/room/schema.js'
export { compareMessages, readMessages } from '../../shared/room/order.js'
export { messagesOf }

/** The Yjs items a message is made of; it is delivered once the relay holds all of them. */
export function itemIdsOf(doc: Y.Doc, messageId: string): Y.ID[] {
  const entry = messagesOf(doc).get(messageId)
  if (!(entry instanceof Y.Map) || !entry._item) return []
  const ids = [entry._item.id]
  for (const item of entry._map.values()) ids.push(item.id)
  return ids
}
