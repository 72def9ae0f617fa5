import type { Principal } from '../door.js'
import type { IdSet } from './id-set.js'
import type { UpdateFacts } from './update-facts.js'

/** Why a write was refused: a closed set, so clients and logs can rely on the names. */
export type WriteRefusalReason =
  | 'foreign-client-id'
  | 'foreign-parent'
  | 'foreign-key'
  | 'foreign-deletion'
  | 'server-owned'
  | 'invalid-content'
  | 'too-far-in-future'
  | 'read-only'

export interface WriteRefusal {
  reason: WriteRefusalReason
  detail: string
}

export interface WriteAttempt {
  docName: string
  writer: Principal
  facts: UpdateFacts
  /** Struct ids the relay does not have yet: only these are judged. */
  newStructs: IdSet
  /** Deletions the relay has not seen yet: only these are judged. */
  newDeletes: IdSet
}

/** Judges every write before it is stored or forwarded, on every path into a doc. */
export interface WriteAuthorizer {
  check(attempt: WriteAttempt): WriteRefusal | null
  /** Called after the update was accepted, so the authorizer can learn (e.g. client id owners). */
  accepted?(attempt: WriteAttempt): void
  /** Called for the relay's own writes (`RelayDoc.write`), so their client ids count as the relay's. */
  wrote?(docName: string, facts: UpdateFacts): void
}

export const allowAllWrites: WriteAuthorizer = { check: () => null }
