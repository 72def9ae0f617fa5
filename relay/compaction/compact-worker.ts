/**
 * Runs in a worker thread: merges a doc's stored updates through a Y.Doc with gc on and encodes
 * the result as a few snapshot parts, grouped by Yjs client so that a first sync can send it as
 * several frames.
 *
 * FIXME: one client with a huge history still makes one big part; splitting a client's structs
 * by clock range needs Yjs's internal struct writer, which it does not export.
 */
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'
import { SYNC_FRAME_BYTES, MERGE_BATCH } from '../docs/sync-plan.js'
import { readUpdateFacts } from '../docs/update-facts.js'
import { writeUpdateMeta } from '../docs/update-meta.js'

export interface CompactionRequest {
  updates: Uint8Array[]
}

export interface CompactionResult {
  parts: Array<{ data: Uint8Array; meta: Uint8Array }>
}

export function compact({ updates }: CompactionRequest): CompactionResult {
  const doc = new Y.Doc({ gc: true })
  Y.transact(doc, () => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  const clocks = Y.decodeStateVector(Y.encodeStateVector(doc))
  const perClient: Uint8Array[] = []
  for (const client of [...clocks.keys()].sort((a, b) => a - b)) {
    const others = new Map<number, number>(clocks)
    others.set(client, 0)
    perClient.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(others)))
  }
  const datas = perClient.length === 0 ? [Y.encodeStateAsUpdate(doc)] : group(perClient)
  doc.destroy()
  return {
    parts: datas.map((data) => {
      const { created, deleted } = readUpdateFacts(data)
      return { data, meta: writeUpdateMeta({ created, deleted }) }
    }),
  }
}

function group(updates: Uint8Array[]): Uint8Array[] {
  const groups: Uint8Array[] = []
  let current: Uint8Array[] = []
  let bytes = 0
  const flush = () => {
    if (current.length > 0) groups.push(current.length === 1 ? current[0]! : Y.mergeUpdates(current))
    current = []
    bytes = 0
  }
  for (const update of updates) {
    if (current.length > 0 && (bytes + update.length > SYNC_FRAME_BYTES || current.length >= MERGE_BATCH)) flush()
    current.push(update)
    bytes += update.length
  }
  flush()
  return groups
}

parentPort?.on('message', (request: CompactionRequest) => {
  parentPort!.postMessage(compact(request))
})
