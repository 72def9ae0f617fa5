/** A load agent: runs the harness's commands (see agent-protocol.ts) in its own process. */
import * as Y from 'yjs'
import type { AgentCommand, AgentReply, ConnectResult, FanoutResult, RoomPlan, StormResult } from './agent-protocol.js'
import { BenchClient, within } from './bench-client.js'
import { marker, nowMicros, scanMarkers } from './markers.js'
import { RoomWriter, chatBody } from './room-writer.js'
import { ownCpuSeconds } from '../targets/process-stats.js'

const CONNECT_TIMEOUT_MS = 60_000

interface FanoutClient {
  client: BenchClient
  url: string
  /** The writer number if this client writes, else -1. */
  writer: number
  seen: Set<string>
}

let fanout: { clients: FanoutClient[]; writers: Array<{ number: number; room: RoomWriter; client: BenchClient; sent: number }> } | undefined
let idle: BenchClient[] = []
let latencies: number[] = []
const delivered = new Map<string, number>()

async function fanoutConnect(command: Extract<AgentCommand, { name: 'fanout.connect' }>): Promise<ConnectResult> {
  const began = performance.now()
  const cpu = ownCpuSeconds()
  const clients: FanoutClient[] = []
  const writers: NonNullable<typeof fanout>['writers'] = []
  for (const plan of command.rooms) {
    for (let i = 0; i < plan.clients; i++) {
      const writerNumber = plan.writers[i] ?? -1
      const room = writerNumber >= 0 ? new RoomWriter(command.userId) : undefined
      const entry: FanoutClient = { client: undefined as unknown as BenchClient, url: plan.url, writer: writerNumber, seen: new Set() }
      entry.client = new BenchClient({
        url: plan.url,
        headers: command.headers,
        localAddress: command.localAddress,
        answerStep1: room ? (vector) => Y.encodeStateAsUpdate(room.doc, vector) : undefined,
        onUpdate: (update) => received(entry, update),
      })
      if (room) {
        const writer = { number: writerNumber, room, client: entry.client, sent: 0 }
        room.doc.on('update', (update: Uint8Array) => writer.client.sendUpdate(update))
        writers.push(writer)
      }
      clients.push(entry)
    }
  }
  fanout = { clients, writers }
  const outcomes = await Promise.allSettled(clients.map((entry) => within(entry.client.synced, CONNECT_TIMEOUT_MS, 'sync')))
  return connectResult(outcomes, began, cpu)
}

function received(entry: FanoutClient, update: Uint8Array): void {
  const now = nowMicros()
  for (const found of scanMarkers(update)) {
    if (found.writer === entry.writer) continue
    const key = `${found.writer}:${found.seq}`
    if (entry.seen.has(key)) continue
    entry.seen.add(key)
    latencies.push((now - found.sentMicros) / 1000)
    delivered.set(entry.url, (delivered.get(entry.url) ?? 0) + 1)
  }
}

async function fanoutRun(command: Extract<AgentCommand, { name: 'fanout.run' }>): Promise<FanoutResult> {
  if (!fanout) throw new Error('fanout.run before fanout.connect')
  const cpu = ownCpuSeconds()
  latencies = []
  delivered.clear()
  // Only what is written during the run counts; history synced at connect does not.
  for (const entry of fanout.clients) entry.seen.clear()
  const intervalMs = 1000 / command.messagesPerSecond
  const timers: NodeJS.Timeout[] = []
  for (const writer of fanout.writers) {
    // Writers start at random points of the first interval, as people do, not in lockstep.
    timers.push(setTimeout(() => {
      const post = () => writer.room.post(chatBody(marker(writer.number, writer.sent++)))
      post()
      timers.push(setInterval(post, intervalMs))
    }, Math.random() * intervalMs))
  }
  await new Promise((resolve) => setTimeout(resolve, command.durationMs))
  for (const timer of timers) clearTimeout(timer)
  await new Promise((resolve) => setTimeout(resolve, command.drainMs))
  const sentByWriter: Record<number, number> = {}
  for (const writer of fanout.writers) sentByWriter[writer.number] = writer.sent
  return {
    latenciesMs: latencies,
    rooms: [...delivered].map(([url, count]) => ({ url, delivered: count })),
    sentByWriter,
    cpuSeconds: ownCpuSeconds() - cpu,
  }
}

async function idleConnect(command: Extract<AgentCommand, { name: 'idle.connect' }>): Promise<ConnectResult> {
  const began = performance.now()
  const cpu = ownCpuSeconds()
  const outcomes: PromiseSettledResult<void>[] = []
  // A bounded number of handshakes in flight, as a fleet of browsers coming online would be.
  let next = 0
  const lane = async () => {
    while (next < command.urls.length) {
      const url = command.urls[next++]!
      const client = new BenchClient({
        url,
        headers: command.headers,
        localAddress: command.localAddress,
        awareness: { clientId: 1 + Math.floor(Math.random() * 2 ** 30), state: { user: { name: 'idle' } } },
      })
      idle.push(client)
      const [outcome] = await Promise.allSettled([within(client.synced, CONNECT_TIMEOUT_MS, 'sync')])
      outcomes.push(outcome!)
    }
  }
  await Promise.all(Array.from({ length: command.concurrency }, lane))
  return connectResult(outcomes, began, cpu)
}

async function closeAll(clients: BenchClient[]): Promise<ConnectResult> {
  const began = performance.now()
  const cpu = ownCpuSeconds()
  const outcomes = await Promise.allSettled(clients.map((client) => within(client.close(), CONNECT_TIMEOUT_MS, 'close')))
  return connectResult(outcomes, began, cpu)
}

async function stormRun(command: Extract<AgentCommand, { name: 'storm.run' }>): Promise<StormResult> {
  const began = performance.now()
  const cpu = ownCpuSeconds()
  const missed = Buffer.from(command.missedMarker)
  let caughtUp = 0
  const clients = Array.from({ length: command.count }, () => new BenchClient({
    url: command.url,
    headers: command.headers,
    localAddress: command.localAddress,
    stateVector: command.stateVector,
    onUpdate: (update) => { if (Buffer.from(update.buffer, update.byteOffset, update.byteLength).includes(missed)) caughtUp++ },
  }))
  let last = began
  const outcomes = await Promise.allSettled(clients.map((client) =>
    within(client.synced, command.timeoutMs, 'storm sync').then(() => { last = Math.max(last, performance.now()) })))
  const result = connectResult(outcomes, began, cpu)
  await Promise.allSettled(clients.map((client) => within(client.close(), 10_000, 'close')))
  return { synced: result.connected, caughtUp, failed: result.failed, firstError: result.firstError, ms: last - began, cpuSeconds: result.cpuSeconds }
}

function connectResult(outcomes: PromiseSettledResult<unknown>[], began: number, cpu: number): ConnectResult {
  const failures = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
  return {
    connected: outcomes.length - failures.length,
    failed: failures.length,
    firstError: failures[0] ? String((failures[0].reason as Error)?.message ?? failures[0].reason) : undefined,
    ms: performance.now() - began,
    cpuSeconds: ownCpuSeconds() - cpu,
  }
}

async function run(command: AgentCommand): Promise<unknown> {
  switch (command.name) {
    case 'fanout.connect': return fanoutConnect(command)
    case 'fanout.run': return fanoutRun(command)
    case 'fanout.close': {
      const result = await closeAll(fanout?.clients.map((entry) => entry.client) ?? [])
      fanout = undefined
      return result
    }
    case 'idle.connect': return idleConnect(command)
    case 'idle.close': {
      const result = await closeAll(idle)
      idle = []
      return result
    }
    case 'storm.run': return stormRun(command)
    case 'reset': {
      // After a failed scenario: nothing it opened may weigh on the next one.
      const result = await closeAll([...idle, ...(fanout?.clients.map((entry) => entry.client) ?? [])])
      idle = []
      fanout = undefined
      return result
    }
  }
}

process.on('message', (request: { id: number; command: AgentCommand }) => {
  run(request.command).then(
    (result) => process.send?.({ id: request.id, result } satisfies AgentReply),
    (error: Error) => process.send?.({ id: request.id, error: error.message } satisfies AgentReply),
  )
})
process.on('disconnect', () => process.exit(0))
