/**
 * The door in front of every doc. A WebSocket upgrade names a session (cookie, Bearer or ?token=);
 * the door answers who that is, and whether they may open a doc: `account` for every active
 * person, `user:<id>` for that person alone, `room:<id>` (and its segments) for its members.
 * Authorizing at open time is enough only because every change that takes a right away also closes
 * the sockets that used it (see LiveEffects).
 */
import type { IncomingMessage } from 'node:http'
import { ACCOUNT_DOC, roomIdOf, userIdOf } from '../doc-names.js'
import type { Door, Principal, Refusal } from '../door.js'
import { clientAddress, credentialsOf, sameOrigin } from './credentials.js'
import type { People } from './people.js'
import type { Rooms } from './rooms.js'
import type { Session, Sessions } from './sessions.js'
import type { User } from './types.js'

export class AccountDoor implements Door {
  /**
   * One principal per live session, shared by all its sockets, so a role or name change reaches
   * the write authorizer at once instead of at the next reconnect.
   */
  private readonly principals = new Map<string, Principal>()

  constructor(
    private readonly stores: { people: People; sessions: Sessions; rooms: Rooms },
    private readonly trustProxy = false,
  ) {}

  identify(request: IncomingMessage): Principal | Refusal {
    if (this.stores.people.isBannedAddress(clientAddress(request, this.trustProxy))) return { status: 403, reason: 'this address is banned' }
    const credentials = credentialsOf(request, { allowQuery: true })
    if (!credentials) return { status: 401, reason: 'sign in first' }
    // Cross-site WebSocket hijacking: another site's page could open a socket with our cookie.
    if (credentials.fromCookie && !sameOrigin(request)) return { status: 403, reason: 'cross-origin request' }
    const session = this.stores.sessions.findByToken(credentials.token)
    if (!session) return { status: 401, reason: 'sign in again' }
    const user = this.stores.people.find(session.userId)
    if (!user) return { status: 401, reason: 'sign in again' }
    return this.principalOf(session, user)
  }

  mayOpen(principal: Principal, docName: string): true | Refusal {
    const user = this.stores.people.find(principal.userId)
    if (!user || user.status !== 'active') return { status: 401, reason: 'not an active user' }
    if (docName === ACCOUNT_DOC) return true
    const owner = userIdOf(docName)
    if (owner !== undefined) return owner === user.id ? true : { status: 403, reason: "another person's doc" }
    const roomId = roomIdOf(docName)
    if (roomId !== undefined) return this.stores.rooms.isMember(roomId, user.id) ? true : { status: 403, reason: 'not a member of this room' }
    return { status: 403, reason: 'no such doc' }
  }

  principalOf(session: Session, user: User): Principal {
    let principal = this.principals.get(session.id)
    if (!principal) {
      principal = { userId: user.id, name: user.name, role: user.role, sessionId: session.id }
      this.principals.set(session.id, principal)
    }
    return principal
  }

  /** A person's name or role changed: every live socket of theirs speaks with the new one. */
  changed(user: User): void {
    for (const principal of this.principals.values()) {
      if (principal.userId !== user.id) continue
      principal.name = user.name
      principal.role = user.role
    }
  }

  forgetSession(sessionId: string): void {
    this.principals.delete(sessionId)
  }

  forgetUser(userId: string): void {
    for (const [sessionId, principal] of this.principals) if (principal.userId === userId) this.principals.delete(sessionId)
  }

  liveSessionIds(): string[] {
    return [...this.principals.keys()]
  }
}
