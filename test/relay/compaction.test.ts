import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { KEEP_RECENT_ROWS } from '../../relay/compaction/compactor.js'
import { eventually, startTestRelay, stockClient, synced, type TestRelay } from '../helpers/relay.js'

/** Every byte of every SQLite file of the relay (database, WAL, shared memory). */
function filesContain(dataDir: string, needle: string): string[] {
  return readdirSync(dataDir).filter((file) => readFileSync(join(dataDir, file)).includes(Buffer.from(needle)))
}

describe('compaction', () => {
  let hearth: TestRelay
  before(async () => (hearth = await startTestRelay({ compaction: { rows: 50, bytes: 1024 * 1024 } })))
  after(() => hearth.stop())

  it('removes deleted text from the database files', async () => {
    const secret = 'the-launch-code-is-7f3a9c'
    const david = stockClient(hearth.relay.port, 'room:secrets')
    await synced(david.provider)
    const messages = david.doc.getMap('messages')
    messages.set('david.1', `oops: ${secret}`)
    for (let i = 0; i < 10; i++) messages.set(`david.filler-${i}`, `filler ${i}`)
    const doc = hearth.relay.docs.get('room:secrets')!
    await eventually(() => assert.equal(doc.tailRows, 11))
    await eventually(() => assert.deepEqual(filesContain(hearth.dataDir, secret).length > 0, true))
    messages.delete('david.1')
    await eventually(() => assert.equal(doc.tailRows, 12))
    hearth.relay.compactor.compactLater(doc, true)
    await hearth.relay.compactor.idle()
    await eventually(() => assert.deepEqual(filesContain(hearth.dataDir, secret), []))
    const kevin = stockClient(hearth.relay.port, 'room:secrets')
    await synced(kevin.provider)
    assert.equal(kevin.doc.getMap('messages').size, 10)
    assert.equal(kevin.doc.getMap('messages').get('david.1'), undefined)
    david.provider.destroy()
    kevin.provider.destroy()
  })

  it('compacts on its own once the log passes the threshold, keeping the newest rows out of the snapshot', async () => {
    const david = stockClient(hearth.relay.port, 'room:chatty')
    await synced(david.provider)
    const total = KEEP_RECENT_ROWS + 120
    for (let i = 0; i < total; i++) david.doc.getMap('messages').set(`david.${i}`, `message ${i}`)
    const doc = hearth.relay.docs.get('room:chatty')!
    const completedBefore = hearth.relay.compactor.completed
    await eventually(() => assert.ok(hearth.relay.compactor.completed > completedBefore, 'not yet'))
    await hearth.relay.compactor.idle()
    await eventually(() => assert.equal(doc.storedUpdates.length, doc.tailRows + 1))
    assert.ok(doc.tailRows >= KEEP_RECENT_ROWS && doc.tailRows < total, `${doc.tailRows} rows left in the tail`)
    const jz = stockClient(hearth.relay.port, 'room:chatty')
    await synced(jz.provider)
    assert.equal(jz.doc.getMap('messages').size, total)
    david.provider.destroy()
    jz.provider.destroy()
  })

  it('keeps writes that arrive while a compaction is running', async () => {
    const david = stockClient(hearth.relay.port, 'room:busy')
    await synced(david.provider)
    for (let i = 0; i < 30; i++) david.doc.getMap('messages').set(`david.${i}`, `early ${i}`)
    const doc = hearth.relay.docs.get('room:busy')!
    await eventually(() => assert.equal(doc.tailRows, 30))
    hearth.relay.compactor.compactLater(doc, true)
    for (let i = 0; i < 30; i++) david.doc.getMap('messages').set(`david.late-${i}`, `late ${i}`)
    await hearth.relay.compactor.idle()
    const kevin = stockClient(hearth.relay.port, 'room:busy')
    await synced(kevin.provider)
    await eventually(() => assert.equal(kevin.doc.getMap('messages').size, 60))
    david.provider.destroy()
    kevin.provider.destroy()
  })
})
