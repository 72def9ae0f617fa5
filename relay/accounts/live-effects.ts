/**
 * What a change in SQLite does to the live relay: rewrite the server docs it affects, and end the
 * sockets that relied on a right just taken away (sign-out, deactivation, ban, revoked membership,
 * deleted room). Without a relay (the CLI), only SQLite changes; a running relay notices other
 * processes' commits through `data_version` and catches up within a second.
 */
import type Database from 'better-sqlite3'
import { CloseCode } from '../../shared/protocol/close-codes.js'
import { ACCOUNT_DOC, roomDocName, roomIdOf, userDocName } from '../doc-names.js'
import type { Log } from '../log.js'
import type { Relay } from '../relay.js'
import type { AccountDoor } from './account-door.js'
import { desiredDoc, type Stores } from './doc-shapes.js'
import type { Sessions } from './sessions.js'
import type { User } from './types.js'
import { ServerDocs } from './server-docs.js'

/** How often the relay looks for commits made by other processes (the CLI). */
export const FOREIGN_COMMIT_POLL_MS = 1000
const ERASE_RETRY_MS = 50
const ERASE_ATTEMPTS = 200

export class LiveEffects {
  private relay: Relay | undefined
  private serverDocs: ServerDocs | undefined
  private poll: NodeJS.Timeout | undefined

  constructor(
    private readonly db: Database.Database,
    private readonly stores: Stores & { sessions: Sessions },
    readonly door: AccountDoor,
    private readonly log: Log,
  ) {}

  /** From now on changes reach the relay; rewrites every server doc once to catch up with SQLite. */
  attach(relay: Relay): void {
    this.relay = relay
    this.serverDocs = new ServerDocs(relay.docs, (name) => desiredDoc(this.stores, name), this.log)
    this.refreshEverything()
    let version = this.dataVersion()
    this.poll = setInterval(() => {
      if (!this.db.open) return this.detach()
      const now = this.dataVersion()
      if (now === version) return
      version = now
      this.refreshEverything()
      this.endInvalidSessions()
    }, FOREIGN_COMMIT_POLL_MS)
    this.poll.unref()
  }

  detach(): void {
    clearInterval(this.poll)
    this.relay = undefined
  }

  refreshAccount(): void {
    if (this.db.open) this.serverDocs?.refreshLater(ACCOUNT_DOC)
  }

  refreshUsers(userIds: Iterable<string>): void {
    if (this.db.open) this.serverDocs?.refreshLater(...[...userIds].map(userDocName))
  }

  refreshEverything(): void {
    this.refreshAccount()
    this.refreshUsers(this.stores.people.all().map((user) => user.id))
  }

  /** Resolves when every server-doc rewrite asked for so far has been handed to the doc. */
  async settled(): Promise<void> {
    await this.serverDocs?.settled()
  }

  /** A person's name, role or picture changed: their live sockets and the account doc follow. */
  personChanged(user: User): User {
    this.door.changed(user)
    this.refreshAccount()
    return user
  }

  endSession(sessionId: string): void {
    this.door.forgetSession(sessionId)
    this.relay?.closeSessions((session) => session.principal.sessionId === sessionId, CloseCode.unauthorized, 'signed out')
  }

  endEverySessionOf(userId: string, code: number, reason: string): void {
    this.door.forgetUser(userId)
    this.relay?.closeSessions((session) => session.principal.userId === userId, code, reason)
  }

  revoke(userIds: readonly string[], roomId: string): void {
    const who = new Set(userIds)
    this.relay?.closeSessions(
      (session) => who.has(session.principal.userId) && roomIdOf(session.docName) === roomId,
      CloseCode.forbidden,
      'membership revoked',
    )
  }

  /** A deleted room: everyone leaves its doc, then its stored updates go, once nothing is waiting to commit. */
  eraseRoom(roomId: string): void {
    const doc = roomDocName(roomId)
    const relay = this.relay
    relay?.closeSessions((session) => roomIdOf(session.docName) === roomId, CloseCode.forbidden, 'room deleted')
    const erase = (attempt: number) => {
      if (!this.db.open || !relay || relay.eraseStored(doc)) return
      if (attempt < ERASE_ATTEMPTS) setTimeout(() => erase(attempt + 1), ERASE_RETRY_MS).unref()
      else this.log.warn(`${doc} stayed loaded; its stored updates were kept`)
    }
    erase(0)
  }

  /** Sockets whose session ended in another process (CLI reset-password) close too. */
  private endInvalidSessions(): void {
    const live = this.door.liveSessionIds()
    const valid = this.stores.sessions.stillValid(live)
    for (const sessionId of live) if (!valid.has(sessionId)) this.endSession(sessionId)
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number
  }
}
