/**
 * Posting, editing and deleting messages in a room doc. Every client goes through these, so no
 * client hand-builds a message: the shape, the id and the clock are the ones the relay accepts.
 */
import * as Y from 'yjs'
import { mintId } from './ids.js'
import { clockOf } from './room-clock.js'
import { attachmentSchema, BOOSTS, messageFields, MESSAGES, type Attachment } from './schema.js'
import { isAdministrator, RoomError, type Writer } from './writer.js'

export interface MessageDraft {
  body: string
  mentions?: string[]
  attachment?: Attachment
}

export const messagesOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(MESSAGES)

/** Posts a message as `author`; returns its id. */
export function postMessage(doc: Y.Doc, author: string, draft: MessageDraft): string {
  const mentions = draft.mentions ?? []
  check('body', draft.body)
  check('mentions', mentions)
  if (draft.attachment !== undefined && !attachmentSchema.safeParse(draft.attachment).success) throw new RoomError('invalid attachment')
  const id = mintId(author)
  const createdAt = clockOf(doc).tick()
  doc.transact(() => {
    const entry = new Y.Map<unknown>()
    messagesOf(doc).set(id, entry)
    entry.set('author', author)
    entry.set('createdAt', createdAt)
    entry.set('body', draft.body)
    entry.set('mentions', mentions)
    if (draft.attachment) entry.set('attachment', draft.attachment)
  })
  return id
}

/** Only the author edits a message, even an administrator may not put words in someone's mouth. */
export function editMessage(doc: Y.Doc, editor: string, id: string, body: string, mentions?: string[]): void {
  const entry = messagesOf(doc).get(id)
  if (!(entry instanceof Y.Map)) throw new RoomError(`no message ${id}`)
  if (entry.get('author') !== editor) throw new RoomError(`${editor} may not edit ${id}`)
  check('body', body)
  if (mentions) check('mentions', mentions)
  const editedAt = clockOf(doc).tick()
  doc.transact(() => {
    entry.set('body', body)
    if (mentions) entry.set('mentions', mentions)
    entry.set('editedAt', editedAt)
  })
}

/**
 * The author or an administrator deletes a message. Its boosts go with it when the deleter may
 * remove them (an administrator, or a booster their own); others' boosts stay as orphans, which
 * readers skip, because only their booster or an administrator may delete them.
 */
export function deleteMessage(doc: Y.Doc, deleter: Writer, id: string): void {
  const entry = messagesOf(doc).get(id)
  if (!(entry instanceof Y.Map)) throw new RoomError(`no message ${id}`)
  if (entry.get('author') !== deleter.userId && !isAdministrator(deleter)) throw new RoomError(`${deleter.userId} may not delete ${id}`)
  const boosts = doc.getMap<unknown>(BOOSTS)
  doc.transact(() => {
    messagesOf(doc).delete(id)
    for (const [boostId, boost] of boosts) {
      const { message, booster } = fieldsOfBoost(boost)
      if (message === id && (booster === deleter.userId || isAdministrator(deleter))) boosts.delete(boostId)
    }
  })
}

export function fieldsOfBoost(boost: unknown): { message?: unknown; booster?: unknown; content?: unknown; createdAt?: unknown } {
  if (boost instanceof Y.Map) return boost.toJSON()
  return typeof boost === 'object' && boost !== null ? boost : {}
}

function check(field: string, value: unknown): void {
  const result = messageFields[field]!.safeParse(value)
  if (!result.success) throw new RoomError(`invalid ${field}: ${result.error.issues[0]?.message ?? 'wrong type'}`)
}
