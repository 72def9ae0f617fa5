/**
 * Durability: the relay is killed with SIGKILL while a writer writes, then started again. Every
 * message the relay echoed before it died must be there afterwards: Hearth commits to SQLite before
 * it echoes, so an echo means durable. Two shapes: a steady stream (500 messages/s, killed after a
 * while) and a burst (2,000 messages at once, killed the moment the last one is echoed).
 */
import { BenchClient, within } from '../load/bench-client.js'
import { marker, scanMarkers } from '../load/markers.js'
import { RoomWriter, chatBody } from '../load/room-writer.js'
import { readRoom } from '../load/seed.js'
import type { Target } from '../targets/target.js'
import { sleep, type Scenario } from '../scenario.js'

const STREAM_WRITER = 920_000
const BURST_WRITER = 930_000
const MESSAGES_PER_TICK = 5
const TICK_MS = 10

type Post = (seq: number) => void

export const durability: Scenario = {
  name: 'durability',
  title: 'Durability: kill -9 during a stream (up to 500 messages/s) and right after a burst (2,000 messages)',
  figures: [
    { key: 'stream.lost', label: 'stream: echoed before the kill, missing after restart', unit: 'count', better: 'none' },
    { key: 'stream.echoed', label: 'stream: echoed before the kill', unit: 'count', better: 'none' },
    { key: 'stream.sent', label: 'stream: sent before the kill', unit: 'count', better: 'none' },
    { key: 'burst.lost', label: 'burst: echoed before the kill, missing after restart', unit: 'count', better: 'none' },
    { key: 'burst.echoed', label: 'burst: echoed before the kill', unit: 'count', better: 'none' },
  ],
  async measure(target, context) {
    await target.access.prepareRooms(1)
    const docName = target.access.docName(0)
    // How long a fresh reader waits for every echoed message to appear before counting what is missing.
    const patienceMs = context.quick ? 1_000 : 10_000
    const stream = await killWhileWriting(target, docName, STREAM_WRITER, 0, patienceMs, async (post) => {
      let sent = 0
      const timer = setInterval(() => { for (let i = 0; i < MESSAGES_PER_TICK; i++) post(sent++) }, TICK_MS)
      await sleep(context.quick ? 500 : 2_000)
      clearInterval(timer)
      return sent
    })
    const burstSize = context.quick ? 200 : 2_000
    const burst = await killWhileWriting(target, docName, BURST_WRITER, stream.kept, patienceMs, async (post, echoed) => {
      for (let seq = 0; seq < burstSize; seq++) post(seq)
      await within(echoed(burstSize - 1), 60_000, 'echo of the whole burst')
      return burstSize
    })
    return {
      values: {
        'stream.lost': stream.lost, 'stream.echoed': stream.echoed, 'stream.sent': stream.sent,
        'burst.lost': burst.lost, 'burst.echoed': burst.echoed,
      },
    }
  },
}

/** Connects a writer, lets `drive` write, kills the relay, restarts it and counts echoed messages that are gone. */
async function killWhileWriting(
  target: Target,
  docName: string,
  writerNumber: number,
  /** Messages the room held before this writer started. */
  already: number,
  patienceMs: number,
  drive: (post: Post, echoed: (seq: number) => Promise<void>) => Promise<number>,
): Promise<{ lost: number; echoed: number; sent: number; kept: number }> {
  const writer = new RoomWriter(target.access.userId)
  const echoed = new Set<number>()
  const waiting = new Map<number, () => void>()
  let killed = false
  const client = new BenchClient({
    url: target.url(docName),
    headers: target.access.headers,
    onUpdate: (update) => {
      if (killed) return
      for (const found of scanMarkers(update)) {
        if (found.writer !== writerNumber) continue
        echoed.add(found.seq)
        waiting.get(found.seq)?.()
      }
    },
  })
  await within(client.synced, 30_000, 'writer sync')
  writer.doc.on('update', (update: Uint8Array) => {
    if (client.socket.readyState === client.socket.OPEN) client.sendUpdate(update)
  })
  const sent = await drive(
    (seq) => writer.post(chatBody(marker(writerNumber, seq))),
    (seq) => (echoed.has(seq) ? Promise.resolve() : new Promise((resolve) => waiting.set(seq, resolve))),
  )
  // Stop counting before the kill: only echoes that reached us while the relay lived count.
  killed = true
  const echoedBeforeKill = [...echoed]
  await target.kill9()
  await client.close()
  await target.start()
  const read = await readRoom(target, docName, already + echoedBeforeKill.length, patienceMs)
  const lost = echoedBeforeKill.filter((seq) => !read.markers.has(`${writerNumber}:${seq}`)).length
  return { lost, echoed: echoedBeforeKill.length, sent, kept: read.messages }
}
