/**
 * How long 500 nearly up-to-date clients take to resync with a 20,000-message room after a blip,
 * against Hearth as an operator runs it (its own process, door and write checks on).
 *
 *   node --import tsx scripts/measure-reconnect.mts            # 20,000 messages, 500 clients
 *   MESSAGES=2000 CLIENTS=100 node --import tsx scripts/measure-reconnect.mts
 *
 * `npm run bench -- reconnect-storm` measures the same side by side with the y-websocket server.
 */
import { readFileSync, rmSync } from 'node:fs'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { readMessage, writeSyncStep1, writeSyncUpdate } from '../shared/protocol/sync-messages.js'
import { postMessage } from '../shared/room/index.js'
import { setUpAccount, spawnRelay } from '../test/helpers/child-relay.js'
import { tempDir } from '../test/helpers/relay.js'

const MESSAGES = Number(process.env.MESSAGES ?? 20_000)
const CLIENTS = Number(process.env.CLIENTS ?? 500)

/** User + system CPU seconds of a process, from /proc (clock ticks are 100 per second here). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

const dataDir = tempDir()
const relay = await spawnRelay(dataDir)
const david = await setUpAccount(relay.port)
const url = `ws://127.0.0.1:${relay.port}/sync/${david.allTalk}?token=${david.token}`
const connect = (onFrame: (frame: Uint8Array) => void) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.on('open', () => resolve(ws))
    ws.on('error', reject)
    ws.on('message', (data: Buffer) => onFrame(new Uint8Array(data)))
  })

const local = new Y.Doc()
const updates: Uint8Array[] = []
local.on('update', (update: Uint8Array) => updates.push(update))
for (let i = 0; i < MESSAGES; i++) postMessage(local, david.userId, { body: `message ${i}: a line of ordinary chat` })
let echoes = 0
const writer = await connect((frame) => readMessage(frame).kind === 'sync-update' && echoes++)
for (let i = 0; i < updates.length; i += 500) writer.send(writeSyncUpdate(Y.mergeUpdates(updates.slice(i, i + 500))))
while (echoes < Math.ceil(updates.length / 500)) await new Promise((resolve) => setTimeout(resolve, 50))

const heldByClients = Y.encodeStateVector(local)
for (let i = 0; i < 20; i++) writer.send(writeSyncUpdate((() => {
  let change!: Uint8Array
  local.once('update', (update: Uint8Array) => (change = update))
  postMessage(local, david.userId, { body: `said while they were away ${i}` })
  return change
})()))
await new Promise((resolve) => setTimeout(resolve, 1000))

const cpuBefore = cpuSeconds(relay.process.pid!)
const started = performance.now()
let synced = 0
const sockets: WebSocket[] = []
await new Promise<void>((resolve) => {
  for (let i = 0; i < CLIENTS; i++) {
    connect((frame) => {
      if (readMessage(frame).kind === 'sync-step2' && ++synced === CLIENTS) resolve()
    }).then((ws) => {
      sockets.push(ws)
      ws.send(writeSyncStep1(heldByClients))
    })
  }
})
const seconds = (performance.now() - started) / 1000
const cpu = cpuSeconds(relay.process.pid!) - cpuBefore
console.log(`${CLIENTS} clients resynced with a ${MESSAGES}-message room in ${seconds.toFixed(2)} s; relay CPU ${cpu.toFixed(2)} s`)
for (const ws of [...sockets, writer]) ws.terminate()
relay.process.kill('SIGTERM')
await relay.exited
rmSync(dataDir, { recursive: true, force: true })
