/**
 * Messages as the room view reads them from a room doc (DESIGN section 2): `messages` is a
 * Y.Map of Y.Maps keyed `<authorId>.<ulid>`. Order is (createdAt, id), never insertion order,
 * so two people who wrote offline see the same history once they merge.
 */
import * as Y from 'yjs'

export interface Message {
  id: string
  author: string
  createdAt: number
  body: string
  editedAt?: number
}

export function byTimeThenId(a: Message, b: Message): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export function messagesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('messages')
}

/** Every readable message, in order. Entries with missing or mistyped fields are skipped, not shown broken. */
export function readMessages(doc: Y.Doc): Message[] {
  const messages: Message[] = []
  for (const [id, entry] of messagesOf(doc)) {
    if (!(entry instanceof Y.Map)) continue
    const message = toMessage(id, entry)
    if (message) messages.push(message)
  }
  return messages.sort(byTimeThenId)
}

function toMessage(id: string, entry: Y.Map<unknown>): Message | undefined {
  const author = entry.get('author')
  const createdAt = entry.get('createdAt')
  const body = entry.get('body')
  if (typeof author !== 'string' || typeof createdAt !== 'number' || typeof body !== 'string') return undefined
  const editedAt = entry.get('editedAt')
  return { id, author, createdAt, body, ...(typeof editedAt === 'number' ? { editedAt } : {}) }
}

/** The Yjs items a message is made of; it is delivered once the relay holds all of them. */
export function itemIdsOf(doc: Y.Doc, messageId: string): Y.ID[] {
  const entry = messagesOf(doc).get(messageId)
  if (!(entry instanceof Y.Map) || !entry._item) return []
  const ids = [entry._item.id]
  for (const item of entry._map.values()) ids.push(item.id)
  return ids
}
