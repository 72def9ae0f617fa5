/**
 * Reading a room: messages ordered by (createdAt, id), never by insertion order, so two people who
 * wrote offline see the same history once they merge. Malformed entries are skipped, not shown.
 */
import * as Y from 'yjs'
import { messagesOf } from './messages.js'
import { attachmentSchema, type Message } from './schema.js'

export function compareMessages(a: Pick<Message, 'createdAt' | 'id'>, b: Pick<Message, 'createdAt' | 'id'>): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export function readMessages(doc: Y.Doc): Message[] {
  const messages: Message[] = []
  for (const [id, entry] of messagesOf(doc)) {
    const message = readMessage(id, entry)
    if (message) messages.push(message)
  }
  return messages.sort(compareMessages)
}

export function readMessage(id: string, entry: unknown): Message | undefined {
  if (!(entry instanceof Y.Map)) return undefined
  const author = entry.get('author')
  const createdAt = entry.get('createdAt')
  const body = entry.get('body')
  if (typeof author !== 'string' || typeof createdAt !== 'number' || typeof body !== 'string') return undefined
  const mentions = entry.get('mentions')
  const message: Message = { id, author, createdAt, body, mentions: Array.isArray(mentions) ? mentions.filter((m) => typeof m === 'string') : [] }
  const attachment = attachmentSchema.safeParse(entry.get('attachment'))
  if (attachment.success) message.attachment = attachment.data
  const editedAt = entry.get('editedAt')
  if (typeof editedAt === 'number') message.editedAt = editedAt
  return message
}
