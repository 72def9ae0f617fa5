import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, describe, it } from 'node:test'
import * as Y from 'yjs'
import { writeSyncStep1, writeSyncUpdate } from '../../shared/protocol/sync-messages.js'
import { openDatabase } from '../../relay/storage/database.js'
import { postMessage, messagesOf } from '../../shared/room/index.js'
import { setUpAccount, spawnRelay, type Operator } from '../helpers/child-relay.js'
import { RawClient } from '../helpers/raw-client.js'
import { eventually, stockClient, synced, tempDir } from '../helpers/relay.js'

const dirs: string[] = []
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function logRows(dataDir: string, doc: string): number {
  const db = openDatabase(dataDir)
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?').get(doc) as { n: number }).n
  } finally {
    db.close()
  }
}

async function readBack(port: number, david: Operator, docName = david.allTalk): Promise<Map<string, string>> {
  const reader = stockClient(port, docName, new Y.Doc(), { token: david.token })
  await synced(reader.provider)
  reader.provider.destroy()
  return new Map([...messagesOf(reader.doc)].map(([id, message]) => [id, message.get('body') as string]))
}

/** Posts a message in `local` and returns just that change, as the app would send it. */
function post(local: Y.Doc, author: string, body: string): Uint8Array {
  let change: Uint8Array | undefined
  const capture = (update: Uint8Array) => (change = update)
  local.on('update', capture)
  postMessage(local, author, { body })
  local.off('update', capture)
  return change!
}

describe('durability', () => {
  it('keeps every update it echoed when the relay is killed with -9 mid-stream', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const first = await spawnRelay(dataDir)
    const david = await setUpAccount(first.port)
    const writer = new RawClient(first.port, david.allTalk, { headers: { cookie: david.cookie } })
    await writer.ready
    writer.send(writeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    const local = new Y.Doc()
    const echoed = new Y.Doc()
    writer.socket.on('message', (data: Buffer) => {
      const message = writer.messages[writer.messages.length - 1]!
      if (message.kind === 'sync-update' || message.kind === 'sync-step2') Y.applyUpdate(echoed, message.update)
      void data
    })
    let sent = 0
    const stream = setInterval(() => {
      for (let i = 0; i < 2 && sent < 4000; i++) writer.send(writeSyncUpdate(post(local, david.userId, `message ${sent++}`)))
    }, 2)
    try {
      await eventually(() => assert.ok(messagesOf(echoed).size >= 300, `echoed ${messagesOf(echoed).size} of ${sent}, ${writer.messages.length} messages`), 30_000)
      first.process.kill('SIGKILL')
      await first.exited
    } finally {
      clearInterval(stream)
    }
    const echoedKeys = [...messagesOf(echoed).keys()]
    assert.ok(sent > echoedKeys.length, 'the kill landed mid-stream')

    const second = await spawnRelay(dataDir)
    const messages = await readBack(second.port, david)
    const missing = echoedKeys.filter((key) => !messages.has(key))
    assert.deepEqual(missing, [], 'every echoed update survived')
    second.process.kill('SIGTERM')
    assert.equal(await second.exited, 0)
  })

  it('does not grow the log when clients reconnect after a restart and re-send what they hold', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const first = await spawnRelay(dataDir)
    const operator = await setUpAccount(first.port)
    const params = { token: operator.token }
    const laptop = stockClient(first.port, operator.allTalk, new Y.Doc(), params)
    const phone = stockClient(first.port, operator.allTalk, new Y.Doc(), params)
    await Promise.all([synced(laptop.provider), synced(phone.provider)])
    for (let i = 0; i < 50; i++) postMessage(laptop.doc, operator.userId, { body: `hello ${i}` })
    postMessage(phone.doc, operator.userId, { body: 'from my phone' })
    await eventually(() => assert.equal(messagesOf(phone.doc).size, 51))
    await eventually(() => assert.equal(messagesOf(laptop.doc).size, 51))
    first.process.kill('SIGTERM')
    assert.equal(await first.exited, 0)
    const rowsBefore = logRows(dataDir, operator.allTalk)

    const second = await spawnRelay(dataDir)
    // The same devices (same docs, same client ids) come back and sync everything they hold.
    laptop.provider.destroy()
    phone.provider.destroy()
    const laptopAgain = stockClient(second.port, operator.allTalk, laptop.doc, params)
    const phoneAgain = stockClient(second.port, operator.allTalk, phone.doc, params)
    await Promise.all([synced(laptopAgain.provider), synced(phoneAgain.provider)])
    // Re-sending everything explicitly must not be stored either.
    laptopAgain.provider.ws!.send(writeSyncUpdate(Y.encodeStateAsUpdate(laptop.doc)))
    const messages = await readBack(second.port, operator)
    assert.equal(messages.size, 51)
    laptopAgain.provider.destroy()
    phoneAgain.provider.destroy()
    second.process.kill('SIGTERM')
    assert.equal(await second.exited, 0)
    assert.equal(logRows(dataDir, operator.allTalk), rowsBefore)
  })

  it('finishes pending commits on SIGTERM and closes sockets with 1001', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const first = await spawnRelay(dataDir)
    const jz = await setUpAccount(first.port)
    const writer = new RawClient(first.port, jz.allTalk, { headers: { cookie: jz.cookie } })
    await writer.ready
    const local = new Y.Doc()
    for (let i = 0; i < 200; i++) writer.send(writeSyncUpdate(post(local, jz.userId, `burst ${i}`)))
    await eventually(() => assert.ok(writer.messages.filter((m) => m.kind === 'sync-update').length >= 200, 'not yet'))
    first.process.kill('SIGTERM')
    assert.equal(await writer.closed, 1001)
    assert.equal(await first.exited, 0)
    const second = await spawnRelay(dataDir)
    const messages = await readBack(second.port, jz)
    assert.equal(messages.size, 200)
    second.process.kill('SIGTERM')
    await second.exited
  })
})
