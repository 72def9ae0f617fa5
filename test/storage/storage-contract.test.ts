import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, describe, it } from 'node:test'
import { openDatabase } from '../../relay/storage/database.js'
import { MemoryStorage } from '../../relay/storage/memory-storage.js'
import { SqliteStorage } from '../../relay/storage/sqlite-storage.js'
import type { Storage } from '../../relay/storage/storage.js'
import { tempDir } from '../helpers/relay.js'

const bytes = (...values: number[]) => new Uint8Array(values)
const dirs: string[] = []
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const implementations: Array<[string, () => Storage]> = [
  ['SQLite', () => {
    const dir = tempDir()
    dirs.push(dir)
    return new SqliteStorage(openDatabase(dir))
  }],
  ['in memory', () => new MemoryStorage()],
]

for (const [name, make] of implementations) {
  describe(`${name} storage`, () => {
    it('returns a doc\'s updates in commit order and keeps docs apart', () => {
      const storage = make()
      const ids = storage.appendUpdates([
        { doc: 'room:watercooler', data: bytes(1), meta: bytes(10) },
        { doc: 'room:designers', data: bytes(2), meta: bytes(20) },
        { doc: 'room:watercooler', data: bytes(3), meta: bytes(30) },
      ])
      assert.equal(ids.length, 3)
      assert.ok(ids[0]! < ids[2]!)
      assert.deepEqual(storage.loadDoc('room:watercooler').map((row) => [row.data[0], row.meta[0]]), [[1, 10], [3, 30]])
      assert.deepEqual(storage.loadDoc('room:designers').map((row) => row.data[0]), [2])
      assert.deepEqual(storage.loadDoc('room:nobody'), [])
      assert.deepEqual(storage.tail('room:watercooler'), { rows: 2, bytes: 2 })
      storage.close()
    })

    it('replaces rows up to a point with a snapshot that comes first, keeping later rows', () => {
      const storage = make()
      const [first, second] = storage.appendUpdates([
        { doc: 'room:watercooler', data: bytes(1), meta: bytes() },
        { doc: 'room:watercooler', data: bytes(2), meta: bytes() },
      ])
      const [third] = storage.appendUpdates([{ doc: 'room:watercooler', data: bytes(3), meta: bytes() }])
      assert.ok(first! < second! && second! < third!)
      storage.replaceWithSnapshot('room:watercooler', second!, [
        { data: bytes(7), meta: bytes(70) },
        { data: bytes(8), meta: bytes(80) },
      ])
      const rows = storage.loadDoc('room:watercooler')
      assert.deepEqual(rows.map((row) => [row.id, row.data[0]]), [[0, 7], [0, 8], [third, 3]])
      assert.deepEqual(storage.tail('room:watercooler'), { rows: 1, bytes: 1 })
      storage.replaceWithSnapshot('room:watercooler', third!, [{ data: bytes(9), meta: bytes() }])
      assert.deepEqual(storage.loadDoc('room:watercooler').map((row) => row.data[0]), [9])
      storage.close()
    })

    it('hands out copies, so a caller changing its bytes changes nothing stored', () => {
      const storage = make()
      const data = bytes(5, 5)
      storage.appendUpdates([{ doc: 'room:watercooler', data, meta: bytes() }])
      data[0] = 9
      storage.loadDoc('room:watercooler')[0]!.data[1] = 9
      assert.deepEqual([...storage.loadDoc('room:watercooler')[0]!.data], [5, 5])
      storage.close()
    })

    it('erases a doc and its segments, snapshots included, and no doc whose name merely starts the same', () => {
      const storage = make()
      storage.appendUpdates([
        { doc: 'room:water', data: bytes(1), meta: bytes() },
        { doc: 'room:water:2026', data: bytes(2), meta: bytes() },
        { doc: 'room:watercooler', data: bytes(3), meta: bytes() },
        { doc: 'room:water;', data: bytes(4), meta: bytes() },
      ])
      storage.replaceWithSnapshot('room:water:2026', 0, [{ data: bytes(5), meta: bytes() }])
      storage.erase('room:water')
      assert.deepEqual(storage.loadDoc('room:water'), [])
      assert.deepEqual(storage.loadDoc('room:water:2026'), [])
      assert.deepEqual(storage.tail('room:water:2026'), { rows: 0, bytes: 0 })
      assert.deepEqual(storage.loadDoc('room:watercooler').map((row) => row.data[0]), [3])
      assert.deepEqual(storage.loadDoc('room:water;').map((row) => row.data[0]), [4])
      storage.close()
    })
  })
}
