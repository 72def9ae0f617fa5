import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as Y from 'yjs'
import { readUpdateFacts } from '../../relay/docs/update-facts.js'
import { CACHE_DIFFS_ABOVE_BYTES, piecesFor, type PlannedUpdate } from '../../relay/docs/sync-plan.js'

function planned(data: Uint8Array): PlannedUpdate {
  const { created, deleted } = readUpdateFacts(data)
  return { data, created, deleted, bounds: created.bounds() }
}

/** A room with a big history (the snapshot) and a few recent messages (the log tail). */
function room() {
  const doc = new Y.Doc()
  const messages = doc.getMap('messages')
  doc.transact(() => {
    for (let i = 0; i < 3000; i++) messages.set(`david.${i}`, `message ${i} with a few more words`)
  })
  const snapshot = Y.encodeStateAsUpdate(doc)
  const heldByReturningClients = Y.decodeStateVector(Y.encodeStateVector(doc))
  const tail: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => tail.push(update))
  for (let i = 0; i < 5; i++) messages.set(`kevin.${i}`, `said while you were away ${i}`)
  return { doc, snapshot, tail, heldByReturningClients }
}

describe('planning what a peer lacks', () => {
  it('answers a nearly up-to-date peer from the tail alone, never touching the snapshot', () => {
    const { snapshot, tail, heldByReturningClients } = room()
    assert.ok(snapshot.length > CACHE_DIFFS_ABOVE_BYTES)
    const pieces = piecesFor([planned(snapshot), ...tail.map(planned)], heldByReturningClients)
    assert.equal(pieces.length, tail.length)
    assert.ok(pieces.every((piece, index) => piece === tail[index]))
  })

  it('sends a fresh peer every stored update as it is, with no diffing', () => {
    const { snapshot, tail } = room()
    const rows = [planned(snapshot), ...tail.map(planned)]
    const pieces = piecesFor(rows, new Map())
    assert.deepEqual(pieces, rows.map((row) => row.data))
  })

  it('diffs a big update a peer partly holds once for every peer with the same state vector', () => {
    const { doc, snapshot, heldByReturningClients } = room()
    const merged = planned(Y.encodeStateAsUpdate(doc)) // the snapshot now includes what they missed
    const first = piecesFor([merged], heldByReturningClients)
    const second = piecesFor([merged], new Map(heldByReturningClients))
    assert.equal(first.length, 1)
    assert.equal(first[0], second[0], 'the second peer got the cached diff')
    assert.ok(first[0]!.length < snapshot.length / 10)
    const replica = new Y.Doc()
    Y.applyUpdate(replica, snapshot)
    Y.applyUpdate(replica, first[0]!)
    assert.deepEqual(replica.getMap('messages').toJSON(), doc.getMap('messages').toJSON())
  })
})
