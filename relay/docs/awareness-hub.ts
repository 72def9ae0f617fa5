/**
 * Presence for one doc: relayed, never stored. Each awareness client id belongs to the first
 * connection that announces it; entries for ids owned by someone else are dropped (the stock
 * client re-broadcasts states it learned from others, so this is normal, not an attack).
 * Changes are coalesced into one broadcast per event-loop turn, and a closing connection's
 * states are removed for everyone.
 */
import { writeAwarenessUpdate, type AwarenessEntry } from '../../shared/protocol/awareness-update.js'
import type { Peer } from './peer.js'

interface State {
  clock: number
  stateJson: string
  owner: Peer
}

export class AwarenessHub {
  private readonly states = new Map<number, State>()
  private pending = new Map<number, AwarenessEntry>()
  private scheduled: NodeJS.Immediate | undefined

  constructor(private readonly broadcast: (update: Uint8Array) => void) {}

  get size(): number {
    return this.states.size
  }

  receive(from: Peer, entries: readonly AwarenessEntry[]): void {
    for (const entry of entries) {
      const current = this.states.get(entry.clientId)
      if (current && current.owner !== from) continue
      if (current && entry.clock < current.clock) continue
      if (current && entry.clock === current.clock && entry.stateJson === current.stateJson) continue
      if (entry.stateJson === 'null') this.states.delete(entry.clientId)
      else this.states.set(entry.clientId, { clock: entry.clock, stateJson: entry.stateJson, owner: from })
      this.announceLater(entry)
    }
  }

  /** Every live state, for a peer that just joined or asked. */
  current(): Uint8Array | undefined {
    if (this.states.size === 0) return undefined
    return writeAwarenessUpdate(
      [...this.states].map(([clientId, { clock, stateJson }]) => ({ clientId, clock, stateJson })),
    )
  }

  /** A connection left: everyone sees its clients go. */
  drop(peer: Peer): void {
    for (const [clientId, state] of this.states) {
      if (state.owner !== peer) continue
      this.states.delete(clientId)
      this.announceLater({ clientId, clock: state.clock + 1, stateJson: 'null' })
    }
  }

  private announceLater(entry: AwarenessEntry): void {
    this.pending.set(entry.clientId, entry)
    this.scheduled ??= setImmediate(() => this.flush())
  }

  flush(): void {
    this.scheduled = undefined
    if (this.pending.size === 0) return
    const update = writeAwarenessUpdate(this.pending.values())
    this.pending = new Map()
    this.broadcast(update)
  }

  dispose(): void {
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = undefined
    this.pending.clear()
    this.states.clear()
  }
}
