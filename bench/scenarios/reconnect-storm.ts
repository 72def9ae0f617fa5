/**
 * Reconnect storm: 500 clients that were in sync a moment ago (a network blip, a laptop lid) come
 * back at once to a 20,000-message room, each lacking only the last few messages. A relay that
 * re-parses the whole room per connection collapses here; Hearth diffs only its recent log tail.
 */
import type { StormResult } from '../load/agent-protocol.js'
import { RoomWriter, chatBody } from '../load/room-writer.js'
import { history, historyStateVector, seedRoom } from '../load/seed.js'
import { marker } from '../load/markers.js'
import { within } from '../load/bench-client.js'
import { sleep, type Scenario } from '../scenario.js'

/** Messages written while the clients were away. */
const MISSED = 20
const MISSED_WRITER = 910_000

export const reconnectStorm: Scenario = {
  name: 'reconnect-storm',
  title: 'Reconnect storm: 500 nearly up-to-date clients return at once to a 20,000-message room',
  figures: [
    { key: 'seconds', label: 'time until all 500 are synced', unit: 's', better: 'lower' },
    { key: 'cpu', label: 'relay CPU during the storm', unit: 's', better: 'lower' },
    { key: 'synced', label: 'clients synced', unit: 'count', better: 'higher' },
    { key: 'caughtUp', label: 'clients that received what they missed', unit: 'count', better: 'higher' },
    { key: 'loadCpu', label: 'load generator CPU', unit: 's', better: 'none' },
  ],
  async measure(target, context) {
    const messages = context.quick ? 2_000 : 20_000
    const clients = context.quick ? 100 : 500
    await target.access.prepareRooms(1)
    const docName = target.access.docName(0)
    const updates = history(target.access.userId, messages)
    const anchor = await seedRoom(target, docName, updates, messages)
    // What each returning client holds: the whole history, but not what was said while it was away.
    const stateVector = historyStateVector(updates)
    const writer = new RoomWriter(target.access.userId)
    const missedEchoed = anchor.echoOf(MISSED_WRITER, MISSED - 1)
    writer.doc.on('update', (update: Uint8Array) => anchor.sendUpdate(update))
    for (let i = 0; i < MISSED; i++) writer.post(chatBody(marker(MISSED_WRITER, i)))
    await within(missedEchoed, 30_000, 'echo of the missed messages')
    await sleep(context.quick ? 300 : 3_000)
    const before = target.sample()
    const { agents } = context
    const results = await Promise.all(agents.map((agent, a) => agent.call<StormResult>({
      name: 'storm.run',
      url: target.url(docName),
      count: Math.floor(clients / agents.length) + (a < clients % agents.length ? 1 : 0),
      stateVector,
      headers: target.access.headers,
      localAddress: agent.localAddress(20),
      timeoutMs: 120_000,
      missedMarker: `~m${MISSED_WRITER}:${MISSED - 1}:`,
    }, 180_000)))
    const after = target.sample()
    await anchor.close()
    const failed = results.reduce((sum, result) => sum + result.failed, 0)
    return {
      values: {
        seconds: Math.max(...results.map((result) => result.ms)) / 1000,
        cpu: after.cpuSeconds - before.cpuSeconds,
        synced: results.reduce((sum, result) => sum + result.synced, 0),
        caughtUp: results.reduce((sum, result) => sum + result.caughtUp, 0),
        loadCpu: results.reduce((sum, result) => sum + result.cpuSeconds, 0),
      },
      notes: failed > 0 ? [`${failed} clients failed: ${results.find((result) => result.firstError)?.firstError}`] : [],
    }
  },
}
