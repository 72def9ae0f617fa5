/**
 * Writing to a room doc goes through `shared/room`, the same code the relay's authorizer judges
 * by: the id (`<author>.<ulid>`), the hybrid clock and the content limits are the ones it accepts.
 */
import type * as Y from 'yjs'
import { deleteMessage, editMessage, postMessage as post } from '../../shared/room/messages.js'
import { MAX_BODY_LENGTH } from '../../shared/room/limits.js'

export { MAX_BODY_LENGTH, deleteMessage, editMessage }

export function postMessage(doc: Y.Doc, author: string, body: string, mentions: string[] = []): string {
  return post(doc, author, { body, mentions })
}
