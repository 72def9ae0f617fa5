import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { readAwarenessUpdate, writeAwarenessUpdate } from '../../shared/protocol/awareness-update.js'
import { writeAwareness, writeQueryAwareness } from '../../shared/protocol/sync-messages.js'
import { CloseCode } from '../../shared/protocol/close-codes.js'
import { RawClient } from '../helpers/raw-client.js'
import { eventually, startTestRelay, stockClient, synced, type TestRelay } from '../helpers/relay.js'
import { as, testDoor } from '../helpers/test-door.js'

const statesOf = (client: ReturnType<typeof stockClient>) =>
  [...client.provider.awareness.getStates().entries()].filter(([id]) => id !== client.doc.clientID).map(([, state]) => state)

describe('presence over awareness', () => {
  let hearth: TestRelay
  before(async () => (hearth = await startTestRelay({ door: testDoor })))
  after(() => hearth.stop())

  it('shows a peer arriving, changing and leaving to the others', async () => {
    const david = stockClient(hearth.relay.port, 'room:presence', undefined, as('david'))
    const kevin = stockClient(hearth.relay.port, 'room:presence', undefined, as('kevin'))
    await Promise.all([synced(david.provider), synced(kevin.provider)])
    kevin.provider.awareness.setLocalState({ user: 'kevin', typing: false })
    await eventually(() => assert.deepEqual(statesOf(david), [{ user: 'kevin', typing: false }]))
    kevin.provider.awareness.setLocalStateField('typing', true)
    await eventually(() => assert.deepEqual(statesOf(david), [{ user: 'kevin', typing: true }]))
    const jz = stockClient(hearth.relay.port, 'room:presence', undefined, as('jz'))
    await synced(jz.provider)
    await eventually(() => assert.deepEqual(statesOf(jz), [{ user: 'kevin', typing: true }]), 2000)
    kevin.provider.destroy()
    await eventually(() => {
      assert.deepEqual(statesOf(david), [])
      assert.deepEqual(statesOf(jz), [])
    })
    david.provider.destroy()
    jz.provider.destroy()
  })

  it('removes the states of a connection that drops without saying goodbye', async () => {
    const david = stockClient(hearth.relay.port, 'room:dropped', undefined, as('david'))
    await synced(david.provider)
    const ghost = new RawClient(hearth.relay.port, 'room:dropped', { params: as('ghost') })
    await ghost.ready
    ghost.send(writeAwareness(writeAwarenessUpdate([{ clientId: 777, clock: 1, stateJson: '{"user":"ghost"}' }])))
    await eventually(() => assert.deepEqual(statesOf(david), [{ user: 'ghost' }]))
    ghost.socket.terminate()
    await eventually(() => assert.deepEqual(statesOf(david), []))
    david.provider.destroy()
  })

  it('never lets a connection speak for client ids it does not own', async () => {
    const kevin = stockClient(hearth.relay.port, 'room:impostor', undefined, as('kevin'))
    await synced(kevin.provider)
    kevin.provider.awareness.setLocalState({ user: 'kevin' })
    const observer = new RawClient(hearth.relay.port, 'room:impostor', { params: as('david') })
    await observer.ready
    const impostor = new RawClient(hearth.relay.port, 'room:impostor', { params: as('jz') })
    await impostor.ready
    await eventually(() => assert.ok(observer.messages.some((m) => m.kind === 'awareness'), 'not yet'))
    impostor.send(writeAwareness(writeAwarenessUpdate([
      { clientId: kevin.doc.clientID, clock: 1000, stateJson: '{"user":"not kevin"}' },
      { clientId: kevin.doc.clientID, clock: 1001, stateJson: 'null' },
    ])))
    impostor.send(writeQueryAwareness())
    await eventually(() => assert.ok(impostor.messages.filter((m) => m.kind === 'awareness').length >= 2, 'not yet'))
    const seen = observer.messages.flatMap((m) => (m.kind === 'awareness' ? readAwarenessUpdate(m.update) : []))
    assert.ok(seen.every((entry) => entry.stateJson === '{"user":"kevin"}'), JSON.stringify(seen))
    assert.equal(impostor.closeCode, undefined, 'stock clients re-send others\' states, so this is dropped, not punished')
    kevin.provider.destroy()
    observer.close()
    impostor.close()
  })

  it('stamps every state with its connection’s user, whoever it claims to be', async () => {
    const david = stockClient(hearth.relay.port, 'room:stamped', undefined, as('david'))
    await synced(david.provider)
    const kevin = new RawClient(hearth.relay.port, 'room:stamped', { params: as('kevin') })
    await kevin.ready
    kevin.send(writeAwareness(writeAwarenessUpdate([
      { clientId: 501, clock: 1, stateJson: '{"user":"david","typing":1}' },
      { clientId: 502, clock: 1, stateJson: '"just a string"' },
    ])))
    await eventually(() => assert.deepEqual(statesOf(david), [{ user: 'kevin', typing: 1 }, { user: 'kevin' }]))
    kevin.send(writeAwareness(writeAwarenessUpdate([{ clientId: 503, clock: 1, stateJson: '{not json' }])))
    assert.equal(await kevin.closed, CloseCode.malformed, 'a state no client could read is a malformed frame')
    david.provider.destroy()
  })

  it('coalesces the changes of one tick into one broadcast', async () => {
    const observer = new RawClient(hearth.relay.port, 'room:burst', { params: as('david') })
    await observer.ready
    const chatty = new RawClient(hearth.relay.port, 'room:burst', { params: as('kevin') })
    await chatty.ready
    await eventually(() => assert.ok(observer.messages.length > 0, 'not yet'))
    const before = observer.messages.length
    for (let clock = 1; clock <= 50; clock++) {
      chatty.send(writeAwareness(writeAwarenessUpdate([{ clientId: 4242, clock, stateJson: `{"n":${clock}}` }])))
    }
    await eventually(() => {
      const last = observer.messages.at(-1)!
      assert.equal(last.kind, 'awareness')
      assert.deepEqual(readAwarenessUpdate((last as { update: Uint8Array }).update).map((e) => [e.clock, e.stateJson]), [[50, '{"n":50,"user":"kevin"}']])
    })
    const broadcasts = observer.messages.slice(before).filter((m) => m.kind === 'awareness').length
    assert.ok(broadcasts < 50, `${broadcasts} broadcasts for 50 changes`)
    observer.close()
    chatty.close()
  })

  it('terminates a socket that stops answering pings, and its presence goes with it', async () => {
    const quick = await startTestRelay({ keepaliveMs: 100, door: testDoor })
    const david = stockClient(quick.relay.port, 'room:ping', undefined, as('david'))
    await synced(david.provider)
    const sleeper = new RawClient(quick.relay.port, 'room:ping', { params: as('sleeper') })
    await sleeper.ready
    sleeper.send(writeAwareness(writeAwarenessUpdate([{ clientId: 99, clock: 1, stateJson: '{"user":"sleeper"}' }])))
    await eventually(() => assert.deepEqual(statesOf(david), [{ user: 'sleeper' }]))
    // Stop reading from the socket: no pongs go back, as with a laptop whose lid closed.
    ;(sleeper.socket as unknown as { _socket: { pause(): void } })._socket.pause()
    await eventually(() => assert.deepEqual(statesOf(david), []), 3000)
    assert.equal(quick.relay.connections.size, 1)
    sleeper.socket.terminate()
    david.provider.destroy()
    await quick.stop()
  })
})
