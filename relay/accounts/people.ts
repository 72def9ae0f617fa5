/** People in SQLite: users, the addresses they signed in from, and the addresses banned with them. */
import type Database from 'better-sqlite3'
import { preparedOnce, type Prepare } from './statements.js'
import type { Role, User, UserStatus } from './types.js'

interface UserRow {
  id: string
  name: string
  email: string
  role: Role
  status: UserStatus
  bio: string
  avatar_version: number
  created_at: number
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  status: row.status,
  bio: row.bio,
  avatarVersion: row.avatar_version,
  createdAt: row.created_at,
})

export interface NewUser {
  id: string
  name: string
  email: string
  passwordHash: string
  role: Role
}

export class People {
  private readonly sql: Prepare

  constructor(private readonly db: Database.Database) {
    this.sql = preparedOnce(db)
  }

  create(user: NewUser): User {
    this.sql('INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(user.id, user.name, user.email, user.passwordHash, user.role, Date.now())
    return this.find(user.id)!
  }

  find(id: string): User | undefined {
    const row = this.sql('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
    return row && toUser(row)
  }

  findByEmail(email: string): (User & { passwordHash: string }) | undefined {
    const row = this.sql('SELECT * FROM users WHERE email = ?').get(email) as (UserRow & { password_hash: string }) | undefined
    return row && { ...toUser(row), passwordHash: row.password_hash }
  }

  passwordHashOf(id: string): string | undefined {
    return (this.sql('SELECT password_hash FROM users WHERE id = ?').get(id) as { password_hash: string } | undefined)?.password_hash
  }

  emailTaken(email: string): boolean {
    return this.sql('SELECT 1 FROM users WHERE email = ?').get(email) !== undefined
  }

  all(): User[] {
    return (this.sql('SELECT * FROM users ORDER BY created_at, id').all() as UserRow[]).map(toUser)
  }

  activeIds(): string[] {
    return (this.sql("SELECT id FROM users WHERE status = 'active'").all() as { id: string }[]).map((row) => row.id)
  }

  firstAdministrator(): User | undefined {
    const row = this.sql("SELECT * FROM users WHERE role = 'administrator' AND status = 'active' ORDER BY created_at LIMIT 1").get() as
      | UserRow
      | undefined
    return row && toUser(row)
  }

  update(id: string, changes: { name?: string; bio?: string; role?: Role; status?: UserStatus; passwordHash?: string }): void {
    const columns = { name: changes.name, bio: changes.bio, role: changes.role, status: changes.status, password_hash: changes.passwordHash }
    for (const [column, value] of Object.entries(columns)) {
      if (value !== undefined) this.sql(`UPDATE users SET ${column} = ? WHERE id = ?`).run(value, id)
    }
  }

  setAvatar(id: string, type: string, data: Buffer): void {
    this.db.transaction(() => {
      this.sql('INSERT OR REPLACE INTO avatars (user_id, type, data) VALUES (?, ?, ?)').run(id, type, data)
      this.sql('UPDATE users SET avatar_version = avatar_version + 1 WHERE id = ?').run(id)
    })()
  }

  avatarOf(id: string): { type: string; data: Buffer } | undefined {
    return this.sql('SELECT type, data FROM avatars WHERE user_id = ?').get(id) as { type: string; data: Buffer } | undefined
  }

  /** Remembered for good (sign-out does not forget it), so a later ban can block every address. */
  rememberAddress(userId: string, address: string): void {
    this.sql('INSERT INTO user_addresses (user_id, address, last_seen_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET last_seen_at = excluded.last_seen_at')
      .run(userId, address, Date.now())
  }

  addressesOf(userId: string): string[] {
    return (this.sql('SELECT address FROM user_addresses WHERE user_id = ?').all(userId) as { address: string }[]).map((row) => row.address)
  }

  banAddresses(userId: string, addresses: readonly string[]): void {
    const insert = this.sql('INSERT OR IGNORE INTO banned_addresses (address, user_id, banned_at) VALUES (?, ?, ?)')
    for (const address of addresses) insert.run(address, userId, Date.now())
  }

  isBannedAddress(address: string): boolean {
    return this.sql('SELECT 1 FROM banned_addresses WHERE address = ?').get(address) !== undefined
  }
}
