import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from './migrate.js'

export const DATABASE_FILE = 'hearth.db'

/**
 * Opens (creating if needed) the one SQLite file that holds everything, migrated.
 * - WAL: readers never block the one writer, and a commit is one append to the log.
 * - synchronous=NORMAL: a commit survives the process being killed at any instant (the WAL is
 *   written before commit returns); only an OS crash or power cut may lose the last few commits.
 * - secure_delete: deleted rows are overwritten, so text removed by compaction leaves the file.
 */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, DATABASE_FILE))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('secure_delete = ON')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}
