import type Database from 'better-sqlite3'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url))

/**
 * Applies `NNN_name.sql` files in numeric order, each exactly once, each in its own transaction,
 * recording it in `schema_migrations`. BEGIN IMMEDIATE takes the write lock first, so two processes
 * starting on the same file cannot both apply a migration.
 */
export function migrate(db: Database.Database, dir = MIGRATIONS_DIR): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)')
  const files = readdirSync(dir)
    .filter((file) => /^\d+_.+\.sql$/.test(file))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
  const applied: string[] = []
  for (const file of files) {
    const version = parseInt(file, 10)
    const apply = db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(version)) return false
      db.exec(readFileSync(join(dir, file), 'utf8'))
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, file, Date.now())
      return true
    })
    if (apply.immediate()) applied.push(file)
  }
  return applied
}
