/**
 * The room document's shape (DESIGN section 2), as data: the root maps, each field's type and
 * limits. The client validates with it before writing and the relay's write authorizer judges
 * every incoming item with it, so there is one definition of a valid message.
 *
 *   messages: Y.Map<messageId, Y.Map>   author, createdAt, body, mentions, attachment?, editedAt?
 *   boosts:   Y.Map<boostId, {message, booster, content, createdAt}>  (plain object or Y.Map)
 */
import { z } from 'zod'
import { isBoostContent, MAX_BODY_LENGTH, MAX_FILE_NAME, MAX_MENTIONS, MAX_SHORT_STRING } from './limits.js'

export const MESSAGES = 'messages'
export const BOOSTS = 'boosts'

const userId = z.string().min(1).max(MAX_SHORT_STRING)
const timestamp = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
const size = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

export const attachmentSchema = z.strictObject({
  blob: z.string().min(1).max(MAX_SHORT_STRING),
  name: z.string().max(MAX_FILE_NAME),
  type: z.string().max(MAX_SHORT_STRING),
  size,
  width: size.optional(),
  height: size.optional(),
})

export const messageFields: Record<string, z.ZodType> = {
  author: userId,
  createdAt: timestamp,
  body: z.string().max(MAX_BODY_LENGTH),
  mentions: z.array(userId).max(MAX_MENTIONS),
  attachment: attachmentSchema,
  editedAt: timestamp,
}
export const REQUIRED_MESSAGE_FIELDS = ['author', 'createdAt', 'body'] as const

export const boostFields: Record<string, z.ZodType> = {
  message: z.string().min(1).max(2 * MAX_SHORT_STRING),
  booster: userId,
  content: z.string().refine(isBoostContent, 'a boost is 1 to 16 characters'),
  createdAt: timestamp,
}
export const boostSchema = z.strictObject({
  message: boostFields.message!,
  booster: boostFields.booster!,
  content: boostFields.content!,
  createdAt: boostFields.createdAt!,
})
export const REQUIRED_BOOST_FIELDS = ['message', 'booster', 'content', 'createdAt'] as const

/** Fields holding a time from the writer's clock: the relay refuses them far in its future. */
export const TIME_FIELDS: ReadonlySet<string> = new Set(['createdAt', 'editedAt'])

export type Attachment = z.infer<typeof attachmentSchema>
export interface Boost {
  message: string
  booster: string
  content: string
  createdAt: number
}

export interface Message {
  id: string
  author: string
  createdAt: number
  body: string
  mentions: string[]
  attachment?: Attachment
  editedAt?: number
}

/** The fields schema of a root map's entries, or undefined for a root the room doc does not have. */
export function fieldsOf(root: string): Record<string, z.ZodType> | undefined {
  return root === MESSAGES ? messageFields : root === BOOSTS ? boostFields : undefined
}
