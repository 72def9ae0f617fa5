/**
 * What a peer lacks, computed from the stored updates without materializing the doc.
 *
 * Re-parsing a multi-megabyte doc per connection collapses under a reconnect storm (DESIGN §7), so
 * each stored update is judged by its bounds first: one the peer fully has contributes only its
 * deletions (precomputed, tiny); one that is wholly new goes out as stored; only an update the peer
 * partly has is diffed. A nearly up-to-date peer therefore costs a diff of the recent tail only.
 */
import * as Y from 'yjs'
import { updateOfDeletes, type IdSet } from './id-set.js'

export interface PlannedUpdate {
  data: Uint8Array
  created: IdSet
  deleted: IdSet
  /** Lowest and highest clock per client of `created`. */
  bounds: Map<number, [number, number]>
  /** `deleted` as an update, made once on first use. */
  deletesOnly?: Uint8Array
  /** Recent diffs of a big update against peers' state vectors: peers back from one blip share one. */
  diffs?: Map<string, Uint8Array>
}

/** Updates at least this big keep their recent diffs (a diff of a small update is cheaper than a lookup). */
export const CACHE_DIFFS_ABOVE_BYTES = 64 * 1024
export const CACHED_DIFFS_PER_UPDATE = 4

/** Frames of a first sync stay small enough to arrive well within a client's silence timeout. */
export const SYNC_FRAME_BYTES = 256 * 1024
/** Never merge an unbounded list of updates in one call (DESIGN §7). */
export const MERGE_BATCH = 64

export function piecesFor(updates: readonly PlannedUpdate[], peerStateVector: Map<number, number>): Uint8Array[] {
  let encodedPeerVector: Uint8Array | undefined
  const pieces: Uint8Array[] = []
  for (const update of updates) {
    let peerHasAll = true
    let allNew = true
    for (const [client, [from, to]] of update.bounds) {
      const peerClock = peerStateVector.get(client) ?? 0
      if (to > peerClock) peerHasAll = false
      if (from < peerClock) allNew = false
    }
    if (peerHasAll) {
      if (update.deleted.isEmpty) continue
      update.deletesOnly ??= updateOfDeletes(update.deleted)
      pieces.push(update.deletesOnly)
    } else if (allNew) {
      pieces.push(update.data)
    } else {
      encodedPeerVector ??= Y.encodeStateVector(peerStateVector)
      pieces.push(diffOf(update, encodedPeerVector))
    }
  }
  return pieces
}

function diffOf(update: PlannedUpdate, encodedPeerVector: Uint8Array): Uint8Array {
  if (update.data.length < CACHE_DIFFS_ABOVE_BYTES) return Y.diffUpdate(update.data, encodedPeerVector)
  const key = Buffer.from(encodedPeerVector).toString('base64')
  update.diffs ??= new Map()
  let diff = update.diffs.get(key)
  if (!diff) {
    diff = Y.diffUpdate(update.data, encodedPeerVector)
    if (update.diffs.size >= CACHED_DIFFS_PER_UPDATE) update.diffs.delete(update.diffs.keys().next().value!)
    update.diffs.set(key, diff)
  }
  return diff
}

/** Groups pieces into frames of at most SYNC_FRAME_BYTES (a bigger piece travels alone). */
export function packFrames(pieces: readonly Uint8Array[]): Uint8Array[] {
  const frames: Uint8Array[] = []
  let group: Uint8Array[] = []
  let groupBytes = 0
  const flush = () => {
    if (group.length === 1) frames.push(group[0]!)
    else if (group.length > 1) frames.push(Y.mergeUpdates(group))
    group = []
    groupBytes = 0
  }
  for (const piece of pieces) {
    if (group.length > 0 && (groupBytes + piece.length > SYNC_FRAME_BYTES || group.length >= MERGE_BATCH)) flush()
    group.push(piece)
    groupBytes += piece.length
  }
  flush()
  return frames
}
