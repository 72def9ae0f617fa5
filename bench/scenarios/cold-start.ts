/**
 * Cold start: a room of 20,000 messages, the relay restarted (SIGTERM, as a deploy does), then a
 * fresh client (a new device) until it holds every message.
 */
import { history, readRoom, seedRoom } from '../load/seed.js'
import { quiet, type Scenario } from '../scenario.js'

export const coldStart: Scenario = {
  name: 'cold-start',
  title: 'Cold start: restart the relay, then a fresh client until it holds all 20,000 messages',
  figures: [
    { key: 'total', label: 'restart until a fresh client holds every message', unit: 'ms', better: 'lower' },
    { key: 'listening', label: 'relay start until it accepts connections', unit: 'ms', better: 'lower' },
    { key: 'sync', label: 'first connection until the client holds every message', unit: 'ms', better: 'lower' },
    { key: 'held', label: 'messages held after the restart', unit: 'count', better: 'higher' },
  ],
  async measure(target, context) {
    const messages = context.quick ? 2_000 : 20_000
    await target.access.prepareRooms(1)
    const docName = target.access.docName(0)
    const seeder = await seedRoom(target, docName, history(target.access.userId, messages), messages)
    await seeder.close()
    // Let a server that writes behind (LevelDB's queue) finish; a deploy would not wait, but we measure start-up here.
    await quiet(target, context.quick)
    const listening = await target.restart()
    // A server without persistence comes back empty; waiting longer would only measure the timeout.
    const read = await readRoom(target, docName, messages, target.persists ? 60_000 : 2_000)
    if (read.messages < messages) {
      return {
        values: { total: null, listening, sync: null, held: read.messages },
        notes: [`after the restart it held ${read.messages} of ${messages} messages`],
      }
    }
    return { values: { total: listening + read.ms, listening, sync: read.ms, held: read.messages } }
  },
}
