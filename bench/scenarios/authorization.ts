/**
 * Authorization: what judging every write costs. From outside, for every server: the relay's CPU
 * per accepted message over a stream of single-message updates (Hearth's includes the write checks
 * and the SQLite commit; the reference does neither). From inside, for Hearth only: the write
 * checks alone, median and p99, from bench/authorization-cost.ts when that module is present.
 */
import { existsSync } from 'node:fs'
import { BenchClient, within } from '../load/bench-client.js'
import { marker, scanMarkers } from '../load/markers.js'
import { RoomWriter, chatBody } from '../load/room-writer.js'
import type { Target } from '../targets/target.js'
import { sleep, type FigureSpec, type Measurement, type Scenario } from '../scenario.js'

const WRITER = 940_000
const PER_TICK = 10
const TICK_MS = 5
const AUTHORIZATION_COST = new URL('../authorization-cost.ts', import.meta.url)

export const authorization: Scenario = {
  name: 'authorization',
  title: 'Authorization: cost per update of the write checks',
  figures: [
    { key: 'cpuPerUpdate', label: 'relay CPU per message written (one update each), checks included', unit: 'µs', better: 'lower' },
    { key: 'updates', label: 'messages written', unit: 'count', better: 'none' },
  ],
  async measure(target, context) {
    const count = context.quick ? 500 : 5_000
    const measurement: Measurement = { values: await cpuPerUpdate(target, count), figures: [] }
    if (target.kind === 'hearth') await foldInAuthorizationCost(measurement)
    return measurement
  },
}

async function cpuPerUpdate(target: Target, count: number): Promise<Record<string, number>> {
  await target.access.prepareRooms(1)
  let lastEchoed!: () => void
  const done = new Promise<void>((resolve) => { lastEchoed = resolve })
  const client = new BenchClient({
    url: target.url(target.access.docName(0)),
    headers: target.access.headers,
    onUpdate: (update) => {
      for (const found of scanMarkers(update)) if (found.writer === WRITER && found.seq === count - 1) lastEchoed()
    },
  })
  await within(client.synced, 30_000, 'writer sync')
  const writer = new RoomWriter(target.access.userId)
  writer.doc.on('update', (update: Uint8Array) => client.sendUpdate(update))
  await sleep(500)
  const before = target.sample()
  let sent = 0
  const timer = setInterval(() => {
    for (let i = 0; i < PER_TICK && sent < count; i++) writer.post(chatBody(marker(WRITER, sent++)))
    if (sent >= count) clearInterval(timer)
  }, TICK_MS)
  await within(done, 120_000, 'echo of the last message')
  const after = target.sample()
  await client.close()
  return { cpuPerUpdate: ((after.cpuSeconds - before.cpuSeconds) / count) * 1e6, updates: count }
}

/**
 * The module another engineer owns: it exports a function that measures the write checks in
 * process. Its result's numeric fields become figures, whatever their names.
 */
async function foldInAuthorizationCost(measurement: Measurement): Promise<void> {
  if (!existsSync(AUTHORIZATION_COST)) {
    measurement.notes = ['bench/authorization-cost.ts is not there yet: in-process cost not measured']
    return
  }
  const module = (await import(AUTHORIZATION_COST.href)) as Record<string, unknown>
  const measure = Object.values(module).find((value): value is () => unknown => typeof value === 'function')
  if (!measure) {
    measurement.notes = ['bench/authorization-cost.ts exports no function']
    return
  }
  const result = await measure()
  for (const [path, value] of numericLeaves(result)) {
    const key = `inProcess.${path}`
    measurement.values[key] = value
    measurement.figures!.push({ key, label: `write checks in process: ${path.replace(/\./g, ' ')}`, unit: /ms$/i.test(path) ? 'ms' : 'µs', better: 'lower' } satisfies FigureSpec)
  }
}

function numericLeaves(value: unknown, path = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[path || 'value', value]]
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return []
  return Object.entries(value).flatMap(([key, inner]) => numericLeaves(inner, path ? `${path}.${key}` : key))
}
