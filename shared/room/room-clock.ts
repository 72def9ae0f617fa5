/**
 * One hybrid clock per room doc, fed by every createdAt that reaches the doc (local or remote), so
 * postMessage never has to scan the whole room to stay ahead of it.
 */
import * as Y from 'yjs'
import { HybridClock } from './clock.js'
import { BOOSTS, MESSAGES } from './schema.js'

const clocks = new WeakMap<Y.Doc, HybridClock>()

export function clockOf(doc: Y.Doc, now: () => number = Date.now): HybridClock {
  let clock = clocks.get(doc)
  if (clock) return clock
  clock = new HybridClock(now)
  clocks.set(doc, clock)
  for (const root of [MESSAGES, BOOSTS]) {
    const map = doc.getMap<unknown>(root)
    for (const entry of map.values()) clock.observe(createdAtOf(entry))
    const watch = clock
    map.observe((event) => {
      for (const key of event.keysChanged) watch.observe(createdAtOf(map.get(key)))
    })
  }
  return clock
}

function createdAtOf(entry: unknown): unknown {
  if (entry instanceof Y.Map) return entry.get('createdAt')
  if (typeof entry === 'object' && entry !== null) return (entry as { createdAt?: unknown }).createdAt
  return undefined
}
