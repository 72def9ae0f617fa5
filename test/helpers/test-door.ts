/**
 * A door for tests that need several people before accounts exist: the principal comes from the
 * query string, `?user=<id>&role=<role>`. Test only: anyone can claim to be anyone through it.
 * As the accounts door does, it lets only its owner open a `user:<id>` doc.
 */
import type { Door, Principal, Role } from '../../relay/door.js'

const ROLES: readonly Role[] = ['administrator', 'member', 'bot']

export const testDoor: Door = {
  identify(request) {
    const params = new URL(request.url ?? '/', 'http://relay.invalid').searchParams
    const userId = params.get('user')
    const role = (params.get('role') ?? 'member') as Role
    if (!userId || !ROLES.includes(role)) return { status: 401, reason: 'say who you are with ?user=' }
    return { userId, name: userId, role }
  },
  mayOpen(principal: Principal, docName: string) {
    if (docName.startsWith('user:') && docName !== `user:${principal.userId}`) return { status: 403, reason: "another person's doc" }
    return true
  },
}

/** The query params a stock client passes to speak as `userId`. */
export function as(userId: string, role: Role = 'member'): Record<string, string> {
  return { user: userId, role }
}
