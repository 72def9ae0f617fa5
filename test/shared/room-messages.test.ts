import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as Y from 'yjs'
import {
  boost, boostsFor, boostsOf, deleteMessage, editMessage, MAX_BODY_LENGTH, messagesOf, postMessage, readMessages, RoomError, unboost,
} from '../../shared/room/index.js'

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
}

describe('writing a room doc', () => {
  it('posts a message with its author, time, body and mentions', () => {
    const watercooler = new Y.Doc()
    const id = postMessage(watercooler, 'david', { body: 'Morning @kevin', mentions: ['kevin'] })
    const [message] = readMessages(watercooler)
    assert.equal(message?.id, id)
    assert.equal(message?.author, 'david')
    assert.equal(message?.body, 'Morning @kevin')
    assert.deepEqual(message?.mentions, ['kevin'])
    assert.ok(Math.abs(message!.createdAt - Date.now()) < 1000)
    assert.ok(!(messagesOf(watercooler).get(id)!.get('mentions') instanceof Y.Array), 'mentions are a plain value')
  })

  it('refuses a body over the limit before writing anything', () => {
    const watercooler = new Y.Doc()
    assert.throws(() => postMessage(watercooler, 'david', { body: 'x'.repeat(MAX_BODY_LENGTH + 1) }), RoomError)
    assert.equal(messagesOf(watercooler).size, 0)
  })

  it('lets only the author edit, and marks the edit', () => {
    const designers = new Y.Doc()
    const id = postMessage(designers, 'kevin', { body: 'Draft' })
    assert.throws(() => editMessage(designers, 'david', id, 'Hijacked'), RoomError)
    editMessage(designers, 'kevin', id, 'Final')
    const [message] = readMessages(designers)
    assert.equal(message?.body, 'Final')
    assert.ok(message?.editedAt! >= message!.createdAt)
  })

  it("lets the author delete, and an administrator delete anyone's message with its boosts", () => {
    const designers = new Y.Doc()
    const kevins = postMessage(designers, 'kevin', { body: 'Oops' })
    boost(designers, 'jz', kevins, '🎉')
    assert.throws(() => deleteMessage(designers, { userId: 'jz', role: 'member' }, kevins), RoomError)
    deleteMessage(designers, { userId: 'david', role: 'administrator' }, kevins)
    assert.equal(messagesOf(designers).size, 0)
    assert.equal(boostsOf(designers).size, 0)
  })

  it("leaves others' boosts when an author deletes their own message", () => {
    const designers = new Y.Doc()
    const kevins = postMessage(designers, 'kevin', { body: 'Mine' })
    boost(designers, 'jz', kevins, '👍')
    boost(designers, 'kevin', kevins, '🙌')
    deleteMessage(designers, { userId: 'kevin' }, kevins)
    assert.deepEqual([...boostsOf(designers).values()].map((b) => (b as { booster: string }).booster), ['jz'])
  })

  it('boosts with up to 16 characters, and only the booster unboosts', () => {
    const watercooler = new Y.Doc()
    const id = postMessage(watercooler, 'david', { body: 'Ship it' })
    assert.throws(() => boost(watercooler, 'kevin', id, 'this is far too long'), RoomError)
    const kevins = boost(watercooler, 'kevin', id, 'ship it!')
    assert.deepEqual(boostsFor(watercooler, id).map((b) => [b.booster, b.content]), [['kevin', 'ship it!']])
    assert.throws(() => unboost(watercooler, 'david', kevins), RoomError)
    unboost(watercooler, 'kevin', kevins)
    assert.deepEqual(boostsFor(watercooler, id), [])
  })

  it('orders by (createdAt, id), so replicas that wrote offline agree', () => {
    const davids = new Y.Doc()
    const kevins = new Y.Doc()
    for (let i = 0; i < 5; i++) {
      postMessage(davids, 'david', { body: `david ${i}` })
      postMessage(kevins, 'kevin', { body: `kevin ${i}` })
    }
    sync(davids, kevins)
    const order = readMessages(davids).map((m) => m.id)
    assert.deepEqual(readMessages(kevins).map((m) => m.id), order)
    const times = readMessages(davids).map((m) => [m.createdAt, m.id] as const)
    assert.deepEqual([...times].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)), times)
  })

  it('posts after every message it has seen, even from a clock that runs ahead', () => {
    const davids = new Y.Doc()
    const kevins = new Y.Doc()
    postMessage(davids, 'david', { body: 'hello' })
    const fast = new Y.Map<unknown>()
    Y.transact(kevins, () => {
      messagesOf(kevins).set('kevin.01hnzxd07m5cen5xa66emzsrzw', fast as Y.Map<unknown>)
      fast.set('author', 'kevin')
      fast.set('createdAt', Date.now() + 60_000)
      fast.set('body', 'from the future')
    })
    sync(davids, kevins)
    const reply = postMessage(davids, 'david', { body: 'reply' })
    assert.equal(readMessages(davids).at(-1)?.id, reply)
  })
})
