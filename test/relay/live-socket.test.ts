import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CloseCode } from '../../shared/protocol/close-codes.js'
import { writeRelayMessage } from '../../shared/protocol/live-messages.js'
import { LiveTestClient } from '../helpers/live-client.js'
import { eventually, startTestRelay, stockClient, synced, type TestRelay } from '../helpers/relay.js'

describe('the multiplexed socket', () => {
  let hearth: TestRelay
  before(async () => (hearth = await startTestRelay()))
  after(() => hearth.stop())

  it('syncs several docs over one socket, and with stock clients of the same docs', async () => {
    const david = new LiveTestClient(hearth.relay.port)
    await david.ready
    const watercooler = david.open('room:watercooler')
    const designers = david.open('room:designers')
    await eventually(() => assert.deepEqual([...david.synced].sort(), ['room:designers', 'room:watercooler']))
    const kevin = stockClient(hearth.relay.port, 'room:designers')
    await synced(kevin.provider)
    watercooler.getMap('messages').set('david.1', 'Coffee?')
    designers.getMap('messages').set('david.2', 'New mockups are up')
    kevin.doc.getMap('messages').set('kevin.1', 'Nice')
    await eventually(() => {
      assert.deepEqual(kevin.doc.getMap('messages').toJSON(), { 'david.2': 'New mockups are up', 'kevin.1': 'Nice' })
      assert.equal(designers.getMap('messages').get('kevin.1'), 'Nice')
    })
    assert.equal(hearth.relay.connections.size, 2)
    kevin.provider.destroy()
    david.close()
  })

  it('stops syncing a doc the client leaves, keeping the others', async () => {
    const jz = new LiveTestClient(hearth.relay.port)
    await jz.ready
    jz.open('room:left')
    const kept = jz.open('room:kept')
    await eventually(() => assert.equal(jz.synced.size, 2))
    jz.leave('room:left')
    await eventually(() => assert.equal(hearth.relay.docs.get('room:left'), undefined))
    const other = stockClient(hearth.relay.port, 'room:kept')
    await synced(other.provider)
    other.doc.getMap('messages').set('x.1', 'still here')
    await eventually(() => assert.equal(kept.getMap('messages').get('x.1'), 'still here'))
    other.provider.destroy()
    jz.close()
  })

  it('closes only the offending socket on a malformed frame', async () => {
    const good = new LiveTestClient(hearth.relay.port)
    const bad = new LiveTestClient(hearth.relay.port)
    await Promise.all([good.ready, bad.ready])
    const doc = good.open('room:sturdy')
    await eventually(() => assert.ok(good.synced.has('room:sturdy'), 'not yet'))
    bad.sendRaw(new Uint8Array([0x05, 0x61])) // a doc name claiming 5 bytes with 1 present
    await eventually(() => assert.equal(bad.closeCode, CloseCode.malformed))
    doc.getMap('messages').set('good.1', 'unharmed')
    const reader = stockClient(hearth.relay.port, 'room:sturdy')
    await synced(reader.provider)
    await eventually(() => assert.equal(reader.doc.getMap('messages').get('good.1'), 'unharmed'))
    assert.equal(good.closeCode, undefined)
    reader.provider.destroy()
    good.close()
  })

  it('refuses a bad doc name and a relay message only the relay may send, without touching other docs', async () => {
    const client = new LiveTestClient(hearth.relay.port)
    await client.ready
    client.sendRaw(writeRelayMessage({ kind: 'open', docName: 'has space' }))
    await eventually(() => assert.deepEqual(client.relayMessages[0], { kind: 'refused', docName: 'has space', code: CloseCode.malformed, reason: 'bad doc name' }))
    client.sendRaw(writeRelayMessage({ kind: 'keepalive' }))
    await eventually(() => assert.equal(client.closeCode, CloseCode.malformed))
  })

  it('sends a keepalive on a quiet socket', async () => {
    const quiet = await startTestRelay({ keepaliveMs: 100 })
    const client = new LiveTestClient(quiet.relay.port)
    await client.ready
    await eventually(() => assert.ok(client.relayMessages.some((message) => message.kind === 'keepalive'), 'not yet'))
    client.close()
    await quiet.stop()
  })
})
