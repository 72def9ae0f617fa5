/**
 * One document as the relay holds it: its stored updates (as bytes, never a Y.Doc), the ids it
 * has and has seen deleted, the peers in it and their presence. Every write goes through
 * `receive`: decode, keep only what is new, authorize, commit, then broadcast (sender included).
 */
import * as Y from 'yjs'
import { writeAwareness, writeSyncStep1, writeSyncStep2, writeSyncUpdate } from '../../shared/protocol/sync-messages.js'
import type { AwarenessEntry } from '../../shared/protocol/awareness-update.js'
import { AwarenessHub } from './awareness-hub.js'
import type { CommitQueue } from './commit-queue.js'
import { IdSet } from './id-set.js'
import type { Peer } from './peer.js'
import { packFrames, piecesFor, type PlannedUpdate } from './sync-plan.js'
import { MalformedUpdate, readUpdateFacts, type UpdateFacts } from './update-facts.js'
import { readUpdateMeta, writeUpdateMeta } from './update-meta.js'
import type { WriteAuthorizer, WriteRefusal } from './write-authorizer.js'
import type { StoredUpdate } from '../storage/storage.js'

const EMPTY_UPDATE = new Uint8Array([0, 0])

export interface StoredRow extends PlannedUpdate {
  /** Log row id; 0 for snapshot parts. */
  id: number
}

export interface RelayDocContext {
  commits: CommitQueue
  authorizer: WriteAuthorizer
  /** The doc's log grew; the relay decides whether to compact. */
  grew(doc: RelayDoc): void
  /** No peers and nothing pending: the registry may unload it. */
  idle(doc: RelayDoc): void
  /** A commit failed: the in-memory state can no longer be trusted. */
  failed(doc: RelayDoc, error: Error): void
  refused(doc: RelayDoc, peer: Peer, refusal: WriteRefusal): void
}

export type ReceiveResult = 'stored' | 'known' | WriteRefusal

export class RelayDoc {
  readonly peers = new Set<Peer>()
  readonly awareness: AwarenessHub
  /** Every struct id the relay holds for this doc. */
  readonly known = new IdSet()
  /** Every deletion the relay has seen for this doc. */
  readonly deleted = new IdSet()
  private rows: StoredRow[]
  private pendingCommits = 0
  tailRows = 0
  tailBytes = 0
  compacting = false

  constructor(readonly name: string, stored: StoredUpdate[], private readonly context: RelayDocContext) {
    this.rows = stored.map((row) => rowOf(row.id, row.data, row.meta))
    for (const row of this.rows) {
      this.known.addSet(row.created)
      this.deleted.addSet(row.deleted)
      if (row.id > 0) {
        this.tailRows++
        this.tailBytes += row.data.length
      }
    }
    this.awareness = new AwarenessHub((update) => this.broadcast(writeAwareness(update)))
  }

  get isIdle(): boolean {
    return this.peers.size === 0 && this.pendingCommits === 0
  }

  get storedUpdates(): readonly StoredRow[] {
    return this.rows
  }

  join(peer: Peer): void {
    this.peers.add(peer)
    peer.send(writeSyncStep1(this.stateVector()))
    const presence = this.awareness.current()
    if (presence) peer.send(writeAwareness(presence))
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return
    this.awareness.drop(peer)
    if (this.isIdle) this.context.idle(this)
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.known.stateVector())
  }

  /** The answer to a peer's sync step 1: updates for all it lacks, the last one as step 2. */
  answerStep1(encodedStateVector: Uint8Array): Uint8Array[] {
    let peerVector: Map<number, number>
    try {
      peerVector = Y.decodeStateVector(encodedStateVector)
    } catch (error) {
      throw new MalformedUpdate(`undecodable state vector: ${(error as Error).message}`)
    }
    const frames = packFrames(piecesFor(this.rows, peerVector))
    if (frames.length === 0) return [writeSyncStep2(EMPTY_UPDATE)]
    return frames.map((frame, index) => (index === frames.length - 1 ? writeSyncStep2(frame) : writeSyncUpdate(frame)))
  }

  /** Throws MalformedUpdate for undecodable input; the caller closes that connection. */
  receive(from: Peer, update: Uint8Array): ReceiveResult {
    const facts = readUpdateFacts(update)
    const newStructs = facts.created.minus(this.known)
    const newDeletes = facts.deleted.minus(this.deleted)
    if (newStructs.isEmpty && newDeletes.isEmpty) return 'known'
    const attempt = { docName: this.name, writer: from.principal, facts, newStructs, newDeletes }
    const refusal = this.context.authorizer.check(attempt)
    if (refusal) {
      this.context.refused(this, from, refusal)
      return refusal
    }
    this.context.authorizer.accepted?.(attempt)
    this.store(update, facts)
    return 'stored'
  }

  /** Writes made by the relay itself (server-owned docs, bans): same path, no authorization. */
  write(update: Uint8Array): void {
    const facts = readUpdateFacts(update)
    if (facts.created.minus(this.known).isEmpty && facts.deleted.minus(this.deleted).isEmpty) return
    this.context.authorizer.wrote?.(this.name, facts)
    this.store(update, facts)
  }

  /** Keeps only what is new, counts it as held at once (a repeat in this turn is "known"), commits it later. */
  private store(update: Uint8Array, facts: UpdateFacts): void {
    const { data, created } = this.onlyWhatIsNew(update, facts.created)
    this.known.addSet(facts.created)
    this.deleted.addSet(facts.deleted)
    this.commitLater(data, created, facts.deleted)
  }

  receiveAwareness(from: Peer, entries: readonly AwarenessEntry[]): void {
    this.awareness.receive(from, entries)
  }

  /** Compaction finished: the snapshot replaces every row up to `upTo`. */
  replaceWithSnapshot(upTo: number, parts: Array<{ data: Uint8Array; meta: Uint8Array }>): void {
    const tail = this.rows.filter((row) => row.id > upTo)
    this.rows = [...parts.map((part) => rowOf(0, part.data, part.meta)), ...tail]
    this.tailRows = tail.length
    this.tailBytes = tail.reduce((sum, row) => sum + row.data.length, 0)
  }

  broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message)
  }

  dispose(): void {
    this.awareness.dispose()
  }

  /** Re-sent structs (a reconnecting client's step 2) are cut away, so the log does not grow. */
  private onlyWhatIsNew(update: Uint8Array, created: IdSet): { data: Uint8Array; created: IdSet } {
    const vector = this.known.stateVector()
    let overlaps = false
    for (const [client, [from]] of created.bounds()) if (from < (vector.get(client) ?? 0)) overlaps = true
    if (!overlaps) return { data: update, created }
    const prefix = new IdSet()
    for (const [client, clock] of vector) prefix.add(client, 0, clock)
    return { data: Y.diffUpdate(update, Y.encodeStateVector(vector)), created: created.minus(prefix) }
  }

  private commitLater(data: Uint8Array, created: IdSet, deleted: IdSet): void {
    const meta = writeUpdateMeta({ created, deleted })
    this.pendingCommits++
    this.context.commits.commitLater(
      { doc: this.name, data, meta },
      (id) => {
        this.pendingCommits--
        this.rows.push({ id, data, created, deleted, bounds: created.bounds() })
        this.tailRows++
        this.tailBytes += data.length
        this.broadcast(writeSyncUpdate(data))
        this.context.grew(this)
        if (this.isIdle) this.context.idle(this)
      },
      (error) => {
        this.pendingCommits--
        this.context.failed(this, error)
      },
    )
  }
}

function rowOf(id: number, data: Uint8Array, metaBytes: Uint8Array): StoredRow {
  const { created, deleted } = readUpdateMeta(metaBytes)
  return { id, data, created, deleted, bounds: created.bounds() }
}
