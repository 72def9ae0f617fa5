/**
 * What the write authorizer costs per update, in microseconds (median and p99), measured on the
 * real authorizer over a real SQLite file, without sockets: a typical message (one post: an entry
 * and four fields), an edit (needs the room's item index, built once from storage beforehand), and
 * a 1,000-struct sync step 2 (an offline client's backlog, every struct new to the relay).
 * Decoding the update (`readUpdateFacts`) is measured apart: the relay pays it with or without
 * authorization. Run: `node --import tsx bench/authorization-cost.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { createWriteAuthorizer } from '../relay/authorization/hearth-authorizer.js'
import { IdSet } from '../relay/docs/id-set.js'
import { readUpdateFacts } from '../relay/docs/update-facts.js'
import type { WriteAttempt } from '../relay/docs/write-authorizer.js'
import type { Principal } from '../relay/door.js'
import { openDatabase } from '../relay/storage/database.js'
import { SqliteStorage } from '../relay/storage/sqlite-storage.js'
import { writeUpdateMeta } from '../relay/docs/update-meta.js'
import { editMessage, postMessage } from '../shared/room/index.js'

export interface Figures {
  medianUs: number
  p99Us: number
  samples: number
}

export interface AuthorizationCost {
  typicalMessage: Figures
  edit: Figures
  syncStep2Of1000Structs: Figures & { structs: number }
  decodeTypicalMessage: Figures
}

const DAVID: Principal = { userId: 'david', name: 'David', role: 'member' }

export async function measureAuthorizationCost({ samples = 2000, roomMessages = 1000 } = {}): Promise<AuthorizationCost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-authz-bench-'))
  const db = openDatabase(dataDir)
  try {
    const storage = new SqliteStorage(db)
    const authorizer = createWriteAuthorizer(db)
    const known = new IdSet()
    const deleted = new IdSet()
    const attemptOf = (docName: string, update: Uint8Array, writer = DAVID): WriteAttempt => {
      const facts = readUpdateFacts(update)
      return { docName, writer, facts, newStructs: facts.created.minus(known), newDeletes: facts.deleted.minus(deleted) }
    }
    const accept = (docName: string, attempt: WriteAttempt, update: Uint8Array) => {
      authorizer.accepted?.(attempt)
      known.addSet(attempt.facts.created)
      deleted.addSet(attempt.facts.deleted)
      storage.appendUpdates([{ doc: docName, data: update, meta: writeUpdateMeta(attempt.facts) }])
    }

    // A room with history, all stored and known, so the rules work against a realistic doc.
    const room = 'room:bench'
    const davids = new Y.Doc()
    const updates: Uint8Array[] = []
    davids.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < roomMessages + samples; i++) postMessage(davids, 'david', { body: `Message ${i}: a line of **Markdown**`, mentions: ['kevin'] })
    for (const update of updates.slice(0, roomMessages)) accept(room, attemptOf(room, update), update)

    const decodeTimes: number[] = []
    const postTimes: number[] = []
    for (const update of updates.slice(roomMessages)) {
      let began = performance.now()
      const attempt = attemptOf(room, update)
      decodeTimes.push(performance.now() - began)
      began = performance.now()
      if (authorizer.check(attempt)) throw new Error('an honest post was refused')
      authorizer.accepted?.(attempt)
      postTimes.push(performance.now() - began)
      known.addSet(attempt.facts.created)
    }

    const ids = [...davids.getMap('messages').keys()]
    updates.length = 0
    for (let i = 0; i < samples; i++) editMessage(davids, 'david', ids[i % ids.length]!, `Edited ${i}`)
    const editTimes = updates.map((update) => {
      const attempt = attemptOf(room, update)
      const began = performance.now()
      if (authorizer.check(attempt)) throw new Error('an honest edit was refused')
      authorizer.accepted?.(attempt)
      const elapsed = performance.now() - began
      known.addSet(attempt.facts.created)
      deleted.addSet(attempt.facts.deleted)
      return elapsed
    })

    // An offline client's backlog: 200 messages of 5 structs each, new to the relay.
    const offline = new Y.Doc()
    for (let i = 0; i < 200; i++) postMessage(offline, 'kevin', { body: `Written on the train ${i}` })
    const backlog = Y.encodeStateAsUpdate(offline)
    const step2 = attemptOf('room:backlog', backlog, { userId: 'kevin', name: 'Kevin', role: 'member' })
    for (let i = 0; i < 10; i++) authorizer.check(step2) // warm up: the first calls compile the rules
    const stepTimes: number[] = []
    for (let i = 0; i < Math.max(50, samples / 20); i++) {
      const began = performance.now()
      if (authorizer.check(step2)) throw new Error('an honest backlog was refused')
      stepTimes.push(performance.now() - began)
    }
    return {
      typicalMessage: figures(postTimes),
      edit: figures(editTimes),
      syncStep2Of1000Structs: { ...figures(stepTimes), structs: step2.facts.structs.length },
      decodeTypicalMessage: figures(decodeTimes),
    }
  } finally {
    db.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function figures(millis: number[]): Figures {
  const sorted = millis.map((ms) => ms * 1000).sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { medianUs: round(at(0.5)), p99Us: round(at(0.99)), samples: sorted.length }
}

const round = (us: number) => Math.round(us * 10) / 10

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cost = await measureAuthorizationCost()
  const line = (name: string, f: Figures) => console.log(`${name.padEnd(44)} median ${String(f.medianUs).padStart(8)} µs   p99 ${String(f.p99Us).padStart(8)} µs   (${f.samples} samples)`)
  console.log(`write authorization, Node ${process.version}`)
  line('typical message (post: 5 structs)', cost.typicalMessage)
  line('edit of an own message', cost.edit)
  line(`sync step 2 of ${cost.syncStep2Of1000Structs.structs} new structs`, cost.syncStep2Of1000Structs)
  line('decoding a typical message (not authorization)', cost.decodeTypicalMessage)
}
