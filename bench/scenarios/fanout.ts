/**
 * Fanout: many ordinary rooms (20 people, 2 of them typing a message a second), then one hot room
 * (200 people, 20 writing 5 messages a second). Every delivery's latency from the writer's post to
 * each other member's receipt, deliveries lost, and what the relay spent.
 */
import type { ConnectResult, FanoutResult, RoomPlan } from '../load/agent-protocol.js'
import type { Agent } from '../load/agents.js'
import { summarize } from '../report/stats.js'
import { MiB } from '../targets/process-stats.js'
import type { Target } from '../targets/target.js'
import { sleep, type BenchContext, type FigureSpec, type Measurement, type Scenario } from '../scenario.js'

interface Shape {
  key: string
  /** The shapes use separate rooms and writer numbers, so no marker of one is counted in another. */
  firstRoom: number
  firstWriter: number
  rooms: number
  clients: number
  writers: number
  messagesPerSecond: number
}



function shapes(quick: boolean): Shape[] {
  return [
    { key: 'rooms', firstRoom: 0, firstWriter: 0, rooms: quick ? 5 : 50, clients: 20, writers: 2, messagesPerSecond: 1 },
    { key: 'hot', firstRoom: 50, firstWriter: 1000, rooms: 1, clients: quick ? 50 : 200, writers: quick ? 5 : 20, messagesPerSecond: 5 },
  ]
}

const figuresFor = (key: string, title: string): FigureSpec[] => [
  { key: `${key}.p50`, label: `${title}: latency p50`, unit: 'ms', better: 'lower' },
  { key: `${key}.p95`, label: `${title}: latency p95`, unit: 'ms', better: 'lower' },
  { key: `${key}.p99`, label: `${title}: latency p99`, unit: 'ms', better: 'lower' },
  { key: `${key}.max`, label: `${title}: latency max`, unit: 'ms', better: 'lower' },
  { key: `${key}.lost`, label: `${title}: deliveries lost`, unit: 'count', better: 'none' },
  { key: `${key}.rss`, label: `${title}: relay RSS`, unit: 'MiB', better: 'lower' },
  { key: `${key}.cpu`, label: `${title}: relay CPU`, unit: 's', better: 'lower' },
  { key: `${key}.loadCpu`, label: `${title}: load generator CPU`, unit: 's', better: 'none' },
]

export const fanout: Scenario = {
  name: 'fanout',
  title: 'Fanout: 50 rooms x 20 clients (2 writers at 1 msg/s), and a hot room of 200 clients (20 writers at 5 msg/s)',
  figures: [...figuresFor('rooms', '50 rooms x 20'), ...figuresFor('hot', 'hot room 200')],
  async measure(target, context) {
    const measurement: Measurement = { values: {}, latencies: {} }
    const durationMs = context.quick ? 1_000 : 20_000
    for (const shape of shapes(context.quick)) {
      context.say(`  ${shape.key}: ${shape.rooms} x ${shape.clients} clients, ${shape.writers} writers at ${shape.messagesPerSecond}/s for ${durationMs / 1000} s`)
      const result = await runShape(target, context, shape, durationMs)
      Object.assign(measurement.values, result.values)
      measurement.latencies![shape.key] = result.latencies
    }
    return measurement
  },
}

async function runShape(target: Target, context: BenchContext, shape: Shape, durationMs: number) {
  await target.access.prepareRooms(shape.firstRoom + shape.rooms)
  const { agents } = context
  const plans = new Map<Agent, RoomPlan[]>(agents.map((agent) => [agent, []]))
  const roomOf = new Map<string, { clients: number; writers: number[] }>()
  let writerNumber = shape.firstWriter
  for (let room = 0; room < shape.rooms; room++) {
    const url = target.url(target.access.docName(shape.firstRoom + room))
    const writers = Array.from({ length: shape.writers }, () => writerNumber++)
    roomOf.set(url, { clients: shape.clients, writers })
    // One room's clients stay in one agent, except a room bigger than an agent should carry alone.
    const split = shape.rooms === 1 ? agents : [agents[room % agents.length]!]
    split.forEach((agent, part) => {
      const clients = Math.floor(shape.clients / split.length) + (part < shape.clients % split.length ? 1 : 0)
      const partWriters = writers.filter((_, index) => index % split.length === part)
      plans.get(agent)!.push({ url, clients, writers: partWriters })
    })
  }
  const connected = await Promise.all(agents.map((agent) => agent.call<ConnectResult>({
    name: 'fanout.connect', rooms: plans.get(agent)!, headers: target.access.headers, localAddress: agent.localAddress(), userId: target.access.userId,
  }, 120_000)))
  const failed = connected.reduce((sum, result) => sum + result.failed, 0)
  if (failed > 0) throw new Error(`${failed} fanout clients did not sync: ${connected.find((result) => result.firstError)?.firstError}`)
  await sleep(context.quick ? 300 : 1_000)
  const before = target.sample()
  const drainMs = context.quick ? 500 : 3_000
  const results = await Promise.all(agents.map((agent) => agent.call<FanoutResult>({
    name: 'fanout.run', messagesPerSecond: shape.messagesPerSecond, durationMs, drainMs,
  }, durationMs + drainMs + 60_000)))
  const after = target.sample()
  await Promise.all(agents.map((agent) => agent.call({ name: 'fanout.close' }, 60_000)))

  const sent = new Map<number, number>()
  for (const result of results) for (const [writer, count] of Object.entries(result.sentByWriter)) sent.set(Number(writer), count)
  let expected = 0
  for (const room of roomOf.values()) {
    for (const writer of room.writers) expected += (sent.get(writer) ?? 0) * (room.clients - 1)
  }
  const delivered = results.reduce((sum, result) => sum + result.rooms.reduce((s, room) => s + room.delivered, 0), 0)
  const latencies = results.flatMap((result) => result.latenciesMs)
  const summary = summarize(latencies)
  const k = shape.key
  return {
    latencies,
    values: {
      [`${k}.p50`]: summary.p50,
      [`${k}.p95`]: summary.p95,
      [`${k}.p99`]: summary.p99,
      [`${k}.max`]: summary.max,
      [`${k}.lost`]: expected - delivered,
      [`${k}.rss`]: after.rssBytes / MiB,
      [`${k}.cpu`]: after.cpuSeconds - before.cpuSeconds,
      [`${k}.loadCpu`]: results.reduce((sum, result) => sum + result.cpuSeconds, 0),
    },
  }
}
