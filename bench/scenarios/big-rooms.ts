/**
 * Big rooms: 50 rooms of 20,000 messages each, all open at once. A Y.Doc costs about ten times its
 * encoded size (DESIGN section 7); Hearth holds rooms as encoded updates. Where the server persists,
 * it is restarted first, so the figure is what opening stored rooms costs, not the write history.
 */
import { BenchClient, within } from '../load/bench-client.js'
import { history, seedRoom } from '../load/seed.js'
import { MiB } from '../targets/process-stats.js'
import { quiet, sleep, type Scenario } from '../scenario.js'

const OPEN_TIMEOUT_MS = 120_000


export const bigRooms: Scenario = {
  name: 'big-rooms',
  title: 'Big rooms: 50 rooms x 20,000 messages, all open',
  figures: [
    { key: 'rss', label: 'relay RSS with every room open', unit: 'MiB', better: 'lower' },
    { key: 'perRoom', label: 'RSS per open room', unit: 'MiB', better: 'lower' },
    { key: 'openSeconds', label: 'time for one client per room to sync them all', unit: 's', better: 'lower' },
    { key: 'afterSeed', label: 'relay RSS right after seeding (before restart)', unit: 'MiB', better: 'lower' },
    { key: 'seedSeconds', label: 'time to upload every history', unit: 's', better: 'lower' },
    { key: 'complete', label: 'rooms holding their whole history after the restart', unit: 'count', better: 'higher' },
  ],
  async measure(target, context) {
    const rooms = context.quick ? 2 : 50
    const messages = context.quick ? 2_000 : 20_000
    const settleMs = context.quick ? 500 : 3_000
    const updates = history(target.access.userId, messages)
    const roomBytes = updates.reduce((sum, update) => sum + update.length, 0)
    await target.access.prepareRooms(rooms)
    const baseline = target.sample().rssBytes
    const seedBegan = performance.now()
    for (let room = 0; room < rooms; room++) {
      const client = await seedRoom(target, target.access.docName(room), updates, messages)
      await client.close()
    }
    const seedSeconds = (performance.now() - seedBegan) / 1000
    await quiet(target, context.quick)
    const afterSeed = target.sample().rssBytes / MiB
    if (target.persists) await target.restart()
    const restarted = target.persists ? target.sample().rssBytes : baseline
    const openBegan = performance.now()
    const readers = Array.from({ length: rooms }, (_, room) => new BenchClient({ url: target.url(target.access.docName(room)), headers: target.access.headers }))
    // The reference answers before its persistence has loaded the doc; a room is open when its bytes arrived.
    const opened = await Promise.allSettled(readers.map((reader) => within(reader.synced, OPEN_TIMEOUT_MS, 'sync').then(() => reader.untilReceived(roomBytes * 0.9, OPEN_TIMEOUT_MS))))
    const complete = opened.filter((outcome) => outcome.status === 'fulfilled').length
    const openSeconds = complete === rooms ? (performance.now() - openBegan) / 1000 : null
    await sleep(settleMs)
    const open = target.sample().rssBytes
    await Promise.all(readers.map((reader) => reader.close()))
    return {
      values: { rss: open / MiB, perRoom: (open - restarted) / rooms / MiB, openSeconds, afterSeed, seedSeconds, complete },
      notes: complete < rooms ? [`after the restart only ${complete} of ${rooms} rooms held their whole history within ${OPEN_TIMEOUT_MS / 1000} s`] : [],
    }
  },
}
