import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as Y from 'yjs'
import { eventually, startTestRelay, stockClient, synced, type TestRelay } from '../helpers/relay.js'

describe('syncing through the relay with stock y-websocket providers', () => {
  let hearth: TestRelay
  before(async () => (hearth = await startTestRelay()))
  after(() => hearth.stop())

  it('makes two clients converge', async () => {
    const david = stockClient(hearth.relay.port, 'room:watercooler')
    const kevin = stockClient(hearth.relay.port, 'room:watercooler')
    await Promise.all([synced(david.provider), synced(kevin.provider)])
    david.doc.getMap('messages').set('david.1', 'Morning!')
    kevin.doc.getMap('messages').set('kevin.1', 'Hey David')
    await eventually(() => {
      assert.deepEqual(david.doc.getMap('messages').toJSON(), { 'david.1': 'Morning!', 'kevin.1': 'Hey David' })
      assert.deepEqual(kevin.doc.getMap('messages').toJSON(), david.doc.getMap('messages').toJSON())
    })
    david.provider.destroy()
    kevin.provider.destroy()
  })

  it('gives a late third joiner everything that was said', async () => {
    const david = stockClient(hearth.relay.port, 'room:designers')
    const kevin = stockClient(hearth.relay.port, 'room:designers')
    await Promise.all([synced(david.provider), synced(kevin.provider)])
    for (let i = 0; i < 20; i++) david.doc.getMap('messages').set(`david.${i}`, `message ${i}`)
    kevin.doc.getMap('messages').set('kevin.1', 'Looks good')
    await eventually(() => assert.equal(kevin.doc.getMap('messages').size, 21))
    const jz = stockClient(hearth.relay.port, 'room:designers')
    await synced(jz.provider)
    await eventually(() => assert.deepEqual(jz.doc.getMap('messages').toJSON(), david.doc.getMap('messages').toJSON()))
    assert.equal(jz.doc.getMap('messages').size, 21)
    for (const client of [david, kevin, jz]) client.provider.destroy()
  })

  it('delivers edits made while a client was disconnected once it reconnects', async () => {
    const david = stockClient(hearth.relay.port, 'room:offline')
    const kevin = stockClient(hearth.relay.port, 'room:offline')
    await Promise.all([synced(david.provider), synced(kevin.provider)])
    kevin.provider.disconnect()
    kevin.doc.getMap('messages').set('kevin.train', 'Written on the train')
    david.doc.getMap('messages').set('david.desk', 'Written at my desk')
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(david.doc.getMap('messages').get('kevin.train'), undefined)
    kevin.provider.connect()
    await eventually(() => {
      assert.equal(david.doc.getMap('messages').get('kevin.train'), 'Written on the train')
      assert.equal(kevin.doc.getMap('messages').get('david.desk'), 'Written at my desk')
    })
    david.provider.destroy()
    kevin.provider.destroy()
  })

  it('loads a doc once when a hundred clients join at the same moment', async () => {
    const loadsBefore = hearth.relay.docs.loads
    const clients = Array.from({ length: 100 }, () => stockClient(hearth.relay.port, 'room:all-talk'))
    await Promise.all(clients.map((client) => synced(client.provider)))
    assert.equal(hearth.relay.docs.loads - loadsBefore, 1)
    clients[0]!.doc.getText('t').insert(0, 'hello all')
    await eventually(() => assert.ok(clients.every((client) => client.doc.getText('t').toString() === 'hello all'), 'not yet'))
    for (const client of clients) client.provider.destroy()
  })

  it('sends a large first sync as several frames', async () => {
    const writers = Array.from({ length: 6 }, () => new Y.Doc())
    const seed = stockClient(hearth.relay.port, 'room:big')
    await synced(seed.provider)
    writers.forEach((writer, index) => {
      const messages = writer.getMap('messages')
      writer.transact(() => {
        for (let i = 0; i < 2000; i++) messages.set(`w${index}.${i}`, `message ${i} `.repeat(10))
      })
      Y.applyUpdate(seed.doc, Y.encodeStateAsUpdate(writer))
    })
    const doc = hearth.relay.docs.get('room:big')!
    await eventually(() => assert.equal(doc.known.stateVector().size, 6))
    hearth.relay.compactor.compactLater(doc, true)
    await hearth.relay.compactor.idle()
    assert.ok(doc.storedUpdates.length > 1, 'the snapshot has several parts')
    const frames: number[] = []
    const fresh = stockClient(hearth.relay.port, 'room:big')
    fresh.provider.on('status', () => {})
    const ws = () => fresh.provider.ws as unknown as { addEventListener(t: string, f: (e: { data: ArrayBuffer }) => void): void } | null
    await eventually(() => assert.ok(ws(), 'not yet'))
    ws()!.addEventListener('message', (event) => frames.push((event.data as ArrayBuffer).byteLength))
    await synced(fresh.provider)
    assert.equal(fresh.doc.getMap('messages').size, 12000)
    assert.ok(frames.filter((bytes) => bytes > 100_000).length >= 2, `frames: ${frames.join(', ')}`)
    seed.provider.destroy()
    fresh.provider.destroy()
  })
})
