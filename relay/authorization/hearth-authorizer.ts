/**
 * Hearth's write authorizer (DESIGN section 3): every update, on every path into a doc, is judged
 * by the rules of its doc's kind before it is stored or forwarded. It keeps, per doc, who owns
 * which Yjs client id (in SQLite) and, for rooms, where each item sits (an ItemIndex, never a
 * Y.Doc), learning both from what it accepts and from what the relay writes itself.
 */
import type Database from 'better-sqlite3'
import { ACCOUNT_DOC, roomIdOf, userIdOf } from '../doc-names.js'
import type { UpdateFacts } from '../docs/update-facts.js'
import type { WriteAttempt, WriteAuthorizer, WriteRefusal } from '../docs/write-authorizer.js'
import { SqliteStorage } from '../storage/sqlite-storage.js'
import { ClientOwners, RELAY_OWNER } from './client-owners.js'
import { indexStructs, type ItemIndex } from './item-index.js'
import { Judgement, refuse } from './judgement.js'
import { RoomIndex } from './room-index.js'
import { judgeRoomWrite } from './room-rules.js'
import { judgeUserDocWrite } from './user-doc-rules.js'

/**
 * A room's index costs about 170 bytes per item (17 MB for 20,000 messages), so only docs written
 * recently keep their state: past this many, those idle for a minute go (no commit of theirs can
 * still be pending), and any doc idle for ten minutes goes regardless. Both reload on demand.
 */
export const MAX_REMEMBERED_DOCS = 100
const IDLE_MS = 60_000
const FORGET_AFTER_MS = 10 * 60_000

export interface HearthAuthorizerOptions {
  /** The relay's clock, for createdAt limits (tests pass a fixed one). */
  now?: () => number
}

interface DocAuthority {
  owners: Map<number, string>
  room?: RoomIndex
  lastUsed: number
}

export interface HearthAuthorizer extends WriteAuthorizer {
  /** Learns from a write the relay made itself (its client ids are the relay's). */
  wrote(docName: string, facts: UpdateFacts): void
}

export function createWriteAuthorizer(db: Database.Database, options: HearthAuthorizerOptions = {}): HearthAuthorizer {
  const now = options.now ?? Date.now
  const owners = new ClientOwners(db)
  const storage = new SqliteStorage(db)
  const docs = new Map<string, DocAuthority>()
  const placesOf = new WeakMap<WriteAttempt, ItemIndex>()

  const authorityOf = (docName: string): DocAuthority => {
    let authority = docs.get(docName)
    if (authority) {
      docs.delete(docName) // re-inserted last: the Map's order is least recently used first
    } else {
      forgetIdleDocs(docs)
      authority = { owners: owners.of(docName), lastUsed: 0 }
      if (roomIdOf(docName) !== undefined) authority.room = new RoomIndex(() => storage.loadDoc(docName))
    }
    authority.lastUsed = Date.now()
    docs.set(docName, authority)
    return authority
  }

  const claim = (docName: string, authority: DocAuthority, client: number, owner: string) => {
    if (authority.owners.has(client)) return
    authority.owners.set(client, owner)
    owners.claim(docName, client, owner)
  }

  return {
    check(attempt: WriteAttempt): WriteRefusal | null {
      const { docName } = attempt
      if (docName === ACCOUNT_DOC) return refuse('server-owned', 'the account doc is written by the relay')
      const authority = authorityOf(docName)
      const judgement = new Judgement(attempt, authority.owners)
      if (authority.room) {
        const verdict = judgeRoomWrite(judgement, authority.room, now())
        if (verdict.places) placesOf.set(attempt, verdict.places)
        return verdict.refusal
      }
      const owner = userIdOf(docName)
      if (owner !== undefined) return judgeUserDocWrite(judgement, owner)
      return refuse('read-only', 'clients write only to rooms and their own user doc')
    },

    accepted(attempt: WriteAttempt): void {
      const authority = authorityOf(attempt.docName)
      for (const client of attempt.newStructs.clients.keys()) claim(attempt.docName, authority, client, attempt.writer.userId)
      const places = placesOf.get(attempt)
      if (places) authority.room?.index.addAll(places)
    },

    wrote(docName: string, facts: UpdateFacts): void {
      const authority = authorityOf(docName)
      for (const client of facts.created.clients.keys()) claim(docName, authority, client, RELAY_OWNER)
      if (authority.room && facts.structs.length > 0) authority.room.index.addAll(indexStructs(facts.structs, authority.room.index).local)
    },
  }
}

function forgetIdleDocs(docs: Map<string, DocAuthority>): void {
  const now = Date.now()
  // Least recently used first, so the loop can stop at the first doc in use.
  for (const [name, authority] of docs) {
    const idle = now - authority.lastUsed
    if (idle > FORGET_AFTER_MS || (docs.size >= MAX_REMEMBERED_DOCS && idle > IDLE_MS)) docs.delete(name)
    else return
  }
}
