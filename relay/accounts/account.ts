/** The one account row: its name, join code and settings. */
import type Database from 'better-sqlite3'
import { preparedOnce, type Prepare } from './statements.js'
import { newJoinCode } from './secrets.js'
import type { AccountSettings, RoomCreation } from './types.js'

export const DEFAULT_ACCOUNT_NAME = 'Hearth'

export class Account {
  private readonly sql: Prepare

  constructor(private readonly db: Database.Database) {
    this.sql = preparedOnce(db)
  }

  exists(): boolean {
    return this.sql('SELECT 1 FROM account WHERE id = 1').get() !== undefined
  }

  /** Throws (primary key) when an account exists: the database decides the first-run race. */
  create(name: string): void {
    this.sql('INSERT INTO account (id, name, join_code, created_at) VALUES (1, ?, ?, ?)').run(name, newJoinCode(), Date.now())
  }

  settings(): AccountSettings | undefined {
    const row = this.sql('SELECT name, join_code, room_creation FROM account WHERE id = 1').get() as
      | { name: string; join_code: string; room_creation: RoomCreation }
      | undefined
    return row && { name: row.name, joinCode: row.join_code, roomCreation: row.room_creation }
  }

  update(changes: { name?: string; roomCreation?: RoomCreation }): void {
    if (changes.name !== undefined) this.sql('UPDATE account SET name = ? WHERE id = 1').run(changes.name)
    if (changes.roomCreation !== undefined) this.sql('UPDATE account SET room_creation = ? WHERE id = 1').run(changes.roomCreation)
  }

  regenerateJoinCode(): string {
    const code = newJoinCode()
    this.sql('UPDATE account SET join_code = ? WHERE id = 1').run(code)
    return code
  }
}
