/** The shapes the API accepts, in one place: docs/API.md describes the same fields. */
import { z } from 'zod'

const name = z.string().trim().min(1, 'cannot be empty').max(100)
const email = z.string().trim().toLowerCase().pipe(z.email('is not an email address')).pipe(z.string().max(254))
/** Long enough to resist guessing behind the throttle; the cap keeps hashing bounded. */
const password = z.string().min(8, 'must be at least 8 characters').max(200)
const id = z.string().min(1).max(100)

export const signupSchema = z.object({ name, email, password })
export const firstRunSchema = signupSchema.extend({ accountName: name.optional() })
export const signInSchema = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(200) })
export const profileSchema = z
  .object({ name: name.optional(), bio: z.string().max(1000).optional(), password: password.optional() })
  .strict()
export const roleSchema = z.object({ role: z.enum(['administrator', 'member', 'bot']) }).strict()
export const accountSchema = z.object({ name: name.optional(), roomCreation: z.enum(['everyone', 'administrators']).optional() }).strict()
export const newRoomSchema = z.object({ name, kind: z.enum(['open', 'closed']), members: z.array(id).max(10_000).optional() }).strict()
export const roomChangesSchema = z.object({ name: name.optional(), kind: z.enum(['open', 'closed']).optional() }).strict()
export const membersSchema = z.object({ members: z.array(id).max(10_000) }).strict()
export const pingSchema = z.object({ members: z.array(id).min(1).max(100) }).strict()
export const involvementSchema = z.object({ involvement: z.enum(['invisible', 'nothing', 'mentions', 'everything']) }).strict()
