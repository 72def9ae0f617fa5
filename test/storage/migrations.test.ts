import assert from 'node:assert/strict'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { migrate } from '../../relay/storage/migrate.js'
import { openDatabase, DATABASE_FILE } from '../../relay/storage/database.js'
import { tempDir } from '../helpers/relay.js'

describe('migrations', () => {
  it('applies the numbered files in order, each exactly once, and records them', () => {
    const dir = tempDir('hearth-migrations-')
    writeFileSync(join(dir, '2_rooms.sql'), 'CREATE TABLE rooms (id TEXT); INSERT INTO log VALUES (2);')
    writeFileSync(join(dir, '1_log.sql'), 'CREATE TABLE log (step INTEGER); INSERT INTO log VALUES (1);')
    writeFileSync(join(dir, '10_people.sql'), 'CREATE TABLE people (id TEXT); INSERT INTO log VALUES (10);')
    writeFileSync(join(dir, 'notes.txt'), 'not a migration')
    const db = new Database(':memory:')
    assert.deepEqual(migrate(db, dir), ['1_log.sql', '2_rooms.sql', '10_people.sql'])
    assert.deepEqual(migrate(db, dir), [])
    assert.deepEqual(db.prepare('SELECT step FROM log').all(), [{ step: 1 }, { step: 2 }, { step: 10 }])
    assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all(), [{ version: 1 }, { version: 2 }, { version: 10 }])
    db.close()
    rmSync(dir, { recursive: true })
  })

  it('rolls back a failing migration whole and applies it later once fixed', () => {
    const dir = tempDir('hearth-migrations-')
    writeFileSync(join(dir, '1_half.sql'), 'CREATE TABLE first (id TEXT); CREATE TABLE broken (;')
    const db = new Database(':memory:')
    assert.throws(() => migrate(db, dir))
    assert.deepEqual(db.prepare("SELECT name FROM sqlite_master WHERE name = 'first'").all(), [])
    writeFileSync(join(dir, '1_half.sql'), 'CREATE TABLE first (id TEXT);')
    assert.deepEqual(migrate(db, dir), ['1_half.sql'])
    db.close()
    rmSync(dir, { recursive: true })
  })

  it('creates the data directory and a WAL database on first start, migrated', () => {
    const parent = tempDir()
    const dataDir = join(parent, 'nested', 'data')
    const db = openDatabase(dataDir)
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal')
    assert.ok(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'doc_updates'").get())
    const applied = db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }
    db.close()
    const again = new Database(join(dataDir, DATABASE_FILE))
    assert.deepEqual(again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get(), applied)
    again.close()
    rmSync(parent, { recursive: true })
  })
})
