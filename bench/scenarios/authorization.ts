/**
 * Authorization: what judging every write costs. From outside, for every server: the relay's CPU
 * per accepted message over a stream of single-message updates (Hearth's includes the write checks
 * and the SQLite commit; the reference does neither). From inside, for Hearth only: the write
 * checks alone, median and p99, measured by bench/authorization-cost.ts.
 */
import { measureAuthorizationCost, type AuthorizationCost, type Figures } from '../authorization-cost.js'
import { BenchClient, within } from '../load/bench-client.js'
import { marker } from '../load/markers.js'
import { RoomWriter, chatBody } from '../load/room-writer.js'
import type { Target } from '../targets/target.js'
import { sleep, type FigureSpec, type Scenario } from '../scenario.js'

const WRITER = 940_000
const PER_TICK = 10
const TICK_MS = 5
const IN_PROCESS: Array<[keyof AuthorizationCost, string]> = [
  ['typicalMessage', 'write checks in process, a typical message'],
  ['edit', 'write checks in process, an edit of an own message'],
  ['syncStep2Of1000Structs', 'write checks in process, a sync step 2 of 1,000 new structs'],
  ['decodeTypicalMessage', 'decoding a typical message (paid with or without checks)'],
]

export const authorization: Scenario = {
  name: 'authorization',
  title: 'Authorization: cost per update of the write checks',
  figures: [
    { key: 'cpuPerUpdate', label: 'relay CPU per message written (one update each), checks included', unit: 'µs', better: 'lower' },
    { key: 'updates', label: 'messages written', unit: 'count', better: 'none' },
    ...IN_PROCESS.flatMap(([key, label]): FigureSpec[] => [
      { key: `${key}.median`, label: `${label}: median`, unit: 'µs', better: 'lower' },
      { key: `${key}.p99`, label: `${label}: p99`, unit: 'µs', better: 'lower' },
    ]),
  ],
  async measure(target, context) {
    const count = context.quick ? 500 : 5_000
    const values = await cpuPerUpdate(target, count)
    if (target.kind === 'hearth') Object.assign(values, await inProcessCost())
    return { values }
  },
}

async function cpuPerUpdate(target: Target, count: number): Promise<Record<string, number>> {
  await target.access.prepareRooms(1)
  const client = new BenchClient({ url: target.url(target.access.docName(0)), headers: target.access.headers })
  await within(client.synced, 30_000, 'writer sync')
  const lastEchoed = client.echoOf(WRITER, count - 1)
  const writer = new RoomWriter(target.access.userId)
  writer.doc.on('update', (update: Uint8Array) => client.sendUpdate(update))
  await sleep(500)
  const before = target.sample()
  let sent = 0
  const timer = setInterval(() => {
    for (let i = 0; i < PER_TICK && sent < count; i++) writer.post(chatBody(marker(WRITER, sent++)))
    if (sent >= count) clearInterval(timer)
  }, TICK_MS)
  await within(lastEchoed, 120_000, 'echo of the last message')
  const after = target.sample()
  await client.close()
  return { cpuPerUpdate: ((after.cpuSeconds - before.cpuSeconds) / count) * 1e6, updates: count }
}

/** The write checks alone, in process (bench/authorization-cost.ts): Hearth only, the reference has none. */
async function inProcessCost(): Promise<Record<string, number>> {
  const cost = await measureAuthorizationCost()
  const values: Record<string, number> = {}
  for (const [name, figures] of Object.entries(cost) as Array<[keyof AuthorizationCost, Figures]>) {
    values[`${name}.median`] = figures.medianUs
    values[`${name}.p99`] = figures.p99Us
  }
  return values
}
