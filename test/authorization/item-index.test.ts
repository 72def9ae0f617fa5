import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as Y from 'yjs'
import { GONE, indexStructs, isEntry } from '../../relay/authorization/item-index.js'
import { editMessage, messagesOf, postMessage } from '../../shared/room/index.js'

const structsOf = (update: Uint8Array) => Y.decodeUpdate(update).structs.filter((s): s is Y.Item | Y.GC => !(s instanceof Y.Skip))

describe('the item index', () => {
  it("places every item of kevin's message, including an edit made by his next session", () => {
    const yesterday = new Y.Doc()
    const id = postMessage(yesterday, 'kevin', { body: 'Draft' })
    const today = new Y.Doc()
    Y.applyUpdate(today, Y.encodeStateAsUpdate(yesterday))
    editMessage(today, 'kevin', id, 'Final')
    // Reversed, so every reference points forward: the resolver must follow it, not rely on order.
    const { local, unresolved } = indexStructs(structsOf(Y.encodeStateAsUpdate(today)).reverse())
    assert.deepEqual(unresolved, [])
    const entry = messagesOf(today).get(id)!._item!
    const entryPlace = local.placeOf(entry.id.client, entry.id.clock)!
    assert.ok(isEntry(entryPlace), 'the message map is an entry of messages')
    assert.equal(entryPlace.key, id)
    const body = messagesOf(today).get(id)!._map.get('body')!
    assert.equal(body.id.client, today.clientID, 'the edit came from the second session')
    const bodyPlace = local.placeOf(body.id.client, body.id.clock)!
    assert.deepEqual([bodyPlace.root, bodyPlace.key, bodyPlace.field, bodyPlace.nested], ['messages', id, 'body', false])
    assert.deepEqual(bodyPlace.entry, entry.id)
  })

  it('resolves through what it already knows and marks garbage-collected content', () => {
    const designers = new Y.Doc()
    const id = postMessage(designers, 'david', { body: 'Gone soon' })
    const known = indexStructs(structsOf(Y.encodeStateAsUpdate(designers))).local
    const before = Y.encodeStateVector(designers)
    messagesOf(designers).delete(id)
    postMessage(designers, 'david', { body: 'Still here' })
    const { local, unresolved } = indexStructs(structsOf(Y.encodeStateAsUpdate(designers, before)), known)
    assert.deepEqual(unresolved, [])
    assert.ok(local.size > 0, 'the new message is placed')
    const collected = new Y.Doc({ gc: true })
    Y.applyUpdate(collected, Y.encodeStateAsUpdate(designers))
    const gcs = structsOf(Y.encodeStateAsUpdate(collected)).filter((s) => s instanceof Y.GC)
    assert.ok(gcs.length > 0, 'the deleted message left GC structs')
    const fromSnapshot = indexStructs(structsOf(Y.encodeStateAsUpdate(collected))).local
    assert.equal(fromSnapshot.placeOf(gcs[0]!.id.client, gcs[0]!.id.clock), GONE)
  })
})
