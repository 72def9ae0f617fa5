import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/close-codes.js'
import { writeAwareness, writeSyncStep1, writeSyncUpdate } from '../../shared/protocol/sync-messages.js'
import { readUpdateFacts, MalformedUpdate } from '../../relay/docs/update-facts.js'
import { RawClient } from '../helpers/raw-client.js'
import { eventually, startTestRelay, stockClient, synced, type TestRelay } from '../helpers/relay.js'

/** An update whose header claims `count` structs for one client but carries a handful of bytes. */
function bombUpdate(count: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // one client
  encoding.writeVarUint(encoder, count) // "millions of structs"
  encoding.writeVarUint(encoder, 42) // client id
  encoding.writeVarUint(encoder, 0) // clock
  return encoding.toUint8Array(encoder)
}

/** A GC struct claiming a length near 2^50: a few bytes that would poison a state vector. */
function hugeClockUpdate(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, 7)
  encoding.writeVarUint(encoder, 0)
  encoding.writeUint8(encoder, 0) // GC struct info
  encoding.writeVarUint(encoder, 2 ** 50)
  encoding.writeVarUint(encoder, 0) // empty delete set
  return encoding.toUint8Array(encoder)
}

const cases: Array<{ name: string; frame: Uint8Array | string; code: number }> = [
  { name: 'an empty frame', frame: new Uint8Array(0), code: CloseCode.malformed },
  { name: 'an unknown message type', frame: new Uint8Array([9, 1, 2]), code: CloseCode.malformed },
  { name: 'an unknown sync message type', frame: new Uint8Array([0, 7, 0]), code: CloseCode.malformed },
  { name: 'a truncated varint', frame: new Uint8Array([0, 0, 0xff, 0xff]), code: CloseCode.malformed },
  { name: 'a payload longer than the frame', frame: new Uint8Array([0, 2, 100, 1, 2]), code: CloseCode.malformed },
  { name: 'garbage as an update', frame: writeSyncUpdate(new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03])), code: CloseCode.malformed },
  { name: 'an update claiming millions of structs', frame: writeSyncUpdate(bombUpdate(5_000_000)), code: CloseCode.malformed },
  { name: 'a struct with an absurd clock', frame: writeSyncUpdate(hugeClockUpdate()), code: CloseCode.malformed },
  { name: 'a garbage state vector', frame: writeSyncStep1(new Uint8Array([5, 1])), code: CloseCode.malformed },
  { name: 'a garbage awareness update', frame: writeAwareness(new Uint8Array([3, 1, 1])), code: CloseCode.malformed },
  { name: 'a text frame', frame: 'hello', code: CloseCode.unsupportedData },
]

describe('bad input', () => {
  let hearth: TestRelay
  before(async () => (hearth = await startTestRelay({ maxFrameBytes: 64 * 1024 })))
  after(() => hearth.stop())

  for (const { name, frame, code } of cases) {
    it(`closes the connection that sends ${name}, and keeps serving everyone with the doc intact`, async () => {
      const docName = `room:bad-${name.replace(/\W+/g, '-')}`
      const david = stockClient(hearth.relay.port, docName)
      await synced(david.provider)
      david.doc.getMap('messages').set('david.1', 'before the attack')
      const attacker = new RawClient(hearth.relay.port, docName)
      await attacker.ready
      await eventually(() => assert.ok(attacker.messages.length > 0, 'not yet')) // the doc is loaded and talking
      attacker.send(frame)
      assert.equal(await attacker.closed, code)
      david.doc.getMap('messages').set('david.2', 'after the attack')
      const kevin = stockClient(hearth.relay.port, docName)
      await synced(kevin.provider)
      await eventually(() => assert.deepEqual(kevin.doc.getMap('messages').toJSON(), { 'david.1': 'before the attack', 'david.2': 'after the attack' }))
      david.provider.destroy()
      kevin.provider.destroy()
    })
  }

  it('closes a connection whose frame is over the maximum size with 1009', async () => {
    const attacker = new RawClient(hearth.relay.port, 'room:big-frame')
    await attacker.ready
    attacker.send(writeSyncUpdate(new Uint8Array(100 * 1024)))
    assert.equal(await attacker.closed, CloseCode.tooBig)
    const reader = stockClient(hearth.relay.port, 'room:big-frame')
    await synced(reader.provider)
    reader.provider.destroy()
  })

  it('never hangs or crashes decoding random bytes as an update', () => {
    let seed = 1
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const valid = Y.encodeStateAsUpdate((() => {
      const doc = new Y.Doc()
      doc.getMap('messages').set('kevin.1', 'a perfectly fine message')
      return doc
    })())
    for (let i = 0; i < 3000; i++) {
      const bytes = i % 2 === 0 ? valid.slice() : new Uint8Array(Math.floor(random() * 64))
      for (let j = 0; j < bytes.length; j++) if (i % 2 === 1 || random() < 0.1) bytes[j] = Math.floor(random() * 256)
      try {
        readUpdateFacts(bytes)
      } catch (error) {
        assert.ok(error instanceof MalformedUpdate, `unexpected ${(error as Error).name}: ${(error as Error).message}`)
      }
    }
  })
})
