/**
 * Density: N idle connections spread over 500 rooms, each synced and announcing presence, as a
 * team's browsers sit open all day. One connection per room first (the cost of an open room), then
 * the rest (the cost of a connection). Everything closes and the round repeats: memory after the
 * second close should be where it was after the first. Costs are read in the first round.
 */
import type { ConnectResult } from '../load/agent-protocol.js'
import { MiB } from '../targets/process-stats.js'
import type { Target } from '../targets/target.js'
import { sleep, type BenchContext, type Scenario } from '../scenario.js'

const ROUNDS = 2
/** Handshakes in flight per agent. */
const CONCURRENCY = 64
const KiB = 1024
export const EXTRAPOLATE_TO = 100_000

export const density: Scenario = {
  name: 'density',
  title: 'Density: 19,500 idle connections over 500 rooms, synced with presence, two rounds',
  figures: [
    { key: 'connections', label: 'connections held', unit: 'count', better: 'higher' },
    { key: 'perConnection', label: 'RSS per connection', unit: 'KiB', better: 'lower' },
    { key: 'perRoom', label: 'RSS per open room (first connection included)', unit: 'KiB', better: 'lower' },
    { key: 'full', label: 'relay RSS with all connected', unit: 'MiB', better: 'lower' },
    { key: 'connectSeconds', label: 'time to connect and sync all', unit: 's', better: 'lower' },
    { key: 'connectCpu', label: 'relay CPU to connect all', unit: 's', better: 'lower' },
    { key: 'closed1', label: 'relay RSS after all closed, round 1', unit: 'MiB', better: 'lower' },
    { key: 'closed2', label: 'relay RSS after all closed, round 2', unit: 'MiB', better: 'lower' },
    { key: 'growth', label: 'growth between rounds', unit: 'MiB', better: 'lower' },
    { key: 'extrapolated', label: `relay RSS at ${EXTRAPOLATE_TO.toLocaleString('en')} sockets (extrapolated)`, unit: 'MiB', better: 'lower' },
    { key: 'loadCpu', label: 'load generator CPU to connect all', unit: 's', better: 'none' },
  ],
  async measure(target, context) {
    const total = context.quick ? 400 : 19_500
    const rooms = context.quick ? 20 : 500
    const settleMs = context.quick ? 300 : 3_000
    await target.access.prepareRooms(rooms)
    const urls = Array.from({ length: total }, (_, i) => target.url(target.access.docName(i % rooms)))
    const values: Record<string, number | null> = {}
    const closed: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      context.say(`  round ${round + 1}: ${total} connections over ${rooms} rooms`)
      await sleep(settleMs)
      const idle = target.sample()
      const began = performance.now()
      const first = await connect(target, context, urls.slice(0, rooms), round)
      await sleep(settleMs)
      const roomsOpen = target.sample()
      const rest = await connect(target, context, urls.slice(rooms), round)
      const connectSeconds = (first.ms + rest.ms) / 1000
      const connectCpu = target.sample().cpuSeconds - idle.cpuSeconds
      await sleep(settleMs)
      const full = target.sample()
      context.say(`    connected ${first.connected + rest.connected} in ${connectSeconds.toFixed(1)} s, RSS ${(full.rssBytes / MiB).toFixed(0)} MiB`)
      await Promise.all(context.agents.map((agent) => agent.call({ name: 'idle.close' }, 120_000)))
      await sleep(settleMs * 2)
      closed.push(target.sample().rssBytes / MiB)
      // Costs come from the first round, on a fresh heap: in the second, RSS freed by the first
      // close is reused, so it shows reuse, not cost. No GC is forced (an operator's relay runs
      // without --expose-gc), so a cost smaller than the garbage a collection frees reads as noise.
      if (round > 0) continue
      const perRoom = (roomsOpen.rssBytes - idle.rssBytes) / rooms
      const perConnection = (full.rssBytes - roomsOpen.rssBytes) / (total - rooms)
      Object.assign(values, {
        connections: first.connected + rest.connected,
        perConnection: perConnection / KiB,
        perRoom: perRoom / KiB,
        full: full.rssBytes / MiB,
        connectSeconds,
        connectCpu,
        loadCpu: first.cpuSeconds + rest.cpuSeconds,
        extrapolated: (idle.rssBytes + perRoom * rooms + perConnection * (EXTRAPOLATE_TO - rooms)) / MiB,
      })
    }
    values.closed1 = closed[0] ?? null
    values.closed2 = closed[1] ?? null
    values.growth = closed.length === 2 ? closed[1]! - closed[0]! : null
    return { values }
  },
}

/** Spreads the URLs over the agents; resolves once every agent has synced its share. */
async function connect(target: Target, context: BenchContext, urls: string[], round: number): Promise<{ connected: number; ms: number; cpuSeconds: number }> {
  const { agents } = context
  const results = await Promise.all(agents.map((agent, a) => agent.call<ConnectResult>({
    name: 'idle.connect',
    urls: urls.filter((_, i) => i % agents.length === a),
    headers: target.access.headers,
    localAddress: agent.localAddress(10 + round),
    concurrency: CONCURRENCY,
  }, 300_000)))
  const failed = results.reduce((sum, result) => sum + result.failed, 0)
  if (failed > 0) throw new Error(`${failed} idle connections failed: ${results.find((result) => result.firstError)?.firstError}`)
  return {
    connected: results.reduce((sum, result) => sum + result.connected, 0),
    ms: Math.max(...results.map((result) => result.ms)),
    cpuSeconds: results.reduce((sum, result) => sum + result.cpuSeconds, 0),
  }
}
