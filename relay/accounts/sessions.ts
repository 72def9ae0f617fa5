/**
 * Sessions and session transfer links in SQLite. Only hashes of tokens are stored; the token itself
 * is handed to its holder once (a cookie, a CLI line, a link) and never logged.
 */
import type Database from 'better-sqlite3'
import { preparedOnce, type Prepare } from './statements.js'
import { hashToken, newToken } from './secrets.js'
import { newId } from './ids.js'

/** A transfer link opens one session on another device, once, within this time. */
export const TRANSFER_LINK_TTL_MS = 4 * 60 * 60_000
/** last_active_at is only rewritten when it is older than this, so a busy session costs no writes. */
const TOUCH_EVERY_MS = 10 * 60_000

export interface Session {
  id: string
  userId: string
  address: string
  createdAt: number
  lastActiveAt: number
}

interface SessionRow {
  id: string
  user_id: string
  address: string
  created_at: number
  last_active_at: number
}

const toSession = (row: SessionRow): Session => ({
  id: row.id,
  userId: row.user_id,
  address: row.address,
  createdAt: row.created_at,
  lastActiveAt: row.last_active_at,
})

export class Sessions {
  private readonly sql: Prepare

  constructor(private readonly db: Database.Database) {
    this.sql = preparedOnce(db)
  }

  start(userId: string, address: string, userAgent = ''): { session: Session; token: string } {
    const token = newToken()
    const id = newId()
    const now = Date.now()
    this.sql('INSERT INTO sessions (id, user_id, token_hash, address, user_agent, created_at, last_active_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, userId, hashToken(token), address, userAgent.slice(0, 500), now, now)
    return { session: this.find(id)!, token }
  }

  find(id: string): Session | undefined {
    const row = this.sql('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined
    return row && toSession(row)
  }

  /** The session a token belongs to, if its user is still active. */
  findByToken(token: string): Session | undefined {
    const row = this.sql("SELECT sessions.* FROM sessions JOIN users ON users.id = sessions.user_id WHERE token_hash = ? AND users.status = 'active'")
      .get(hashToken(token)) as SessionRow | undefined
    if (!row) return undefined
    const session = toSession(row)
    if (Date.now() - session.lastActiveAt > TOUCH_EVERY_MS) {
      this.sql('UPDATE sessions SET last_active_at = ? WHERE id = ?').run(Date.now(), session.id)
    }
    return session
  }

  end(id: string): void {
    this.sql('DELETE FROM sessions WHERE id = ?').run(id)
  }

  idsOf(userId: string): string[] {
    return (this.sql('SELECT id FROM sessions WHERE user_id = ?').all(userId) as { id: string }[]).map((row) => row.id)
  }

  endAllOf(userId: string): void {
    this.sql('DELETE FROM sessions WHERE user_id = ?').run(userId)
  }

  /** Which of these session ids still exist with an active user (for sockets opened before a change). */
  stillValid(ids: readonly string[]): Set<string> {
    const valid = new Set<string>()
    const check = this.sql("SELECT 1 FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.id = ? AND users.status = 'active'")
    for (const id of ids) if (check.get(id)) valid.add(id)
    return valid
  }

  makeTransferLink(userId: string): { token: string; expiresAt: number } {
    const token = newToken()
    const expiresAt = Date.now() + TRANSFER_LINK_TTL_MS
    this.sql('INSERT INTO transfer_links (token_hash, user_id, expires_at) VALUES (?, ?, ?)').run(hashToken(token), userId, expiresAt)
    return { token, expiresAt }
  }

  /** The user a transfer link signs in, marking it used in the same statement so it works once. */
  redeemTransferLink(token: string): string | undefined {
    const row = this.sql(
        `UPDATE transfer_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
         AND user_id IN (SELECT id FROM users WHERE status = 'active') RETURNING user_id`,
      )
      .get(Date.now(), hashToken(token), Date.now()) as { user_id: string } | undefined
    return row?.user_id
  }
}
