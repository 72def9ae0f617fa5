/**
 * A `user:<id>` doc: the relay writes `rooms` (what the person belongs to); the person writes
 * `reads`, `drafts` and `searches`. Only that person may open it (the door sees to that); the
 * rules still refuse anyone else, so a door mistake cannot become a write.
 */
import type { WriteRefusal } from '../docs/write-authorizer.js'
import { RELAY_OWNER } from './client-owners.js'
import { refuse, type Judgement } from './judgement.js'

export const USER_WRITABLE_ROOTS: ReadonlySet<string> = new Set(['reads', 'drafts', 'searches'])
export const USER_DOC_SERVER_ROOTS: ReadonlySet<string> = new Set(['rooms'])

export function judgeUserDocWrite(judgement: Judgement, docUserId: string): WriteRefusal | null {
  if (judgement.writer !== docUserId) return refuse('read-only', `only ${docUserId} writes to their own doc`)
  const refusal = judgement.checkClientIds() ?? judgement.checkReferences()
  if (refusal) return refusal
  for (const item of judgement.newItems) {
    const root = item.parent as unknown
    if (typeof root !== 'string' || USER_WRITABLE_ROOTS.has(root)) continue
    if (USER_DOC_SERVER_ROOTS.has(root)) return refuse('server-owned', `${root} is written by the relay`)
    return refuse('invalid-content', `a user doc has no root '${root.slice(0, 40)}'`)
  }
  for (const [client, clock] of judgement.foreignDeletes()) {
    const owner = judgement.ownerOf(client)
    if (owner === RELAY_OWNER) return refuse('server-owned', `${client}:${clock} was written by the relay`)
    return refuse('foreign-deletion', `${client}:${clock} is not the writer's`)
  }
  return null
}
