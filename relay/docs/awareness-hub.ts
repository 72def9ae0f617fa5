/**
 * Presence for one doc: relayed, never stored. Each awareness client id belongs to the first
 * connection that announces it; entries for ids owned by someone else are dropped (the stock
 * client re-broadcasts states it learned from others, so this is normal, not an attack).
 * Changes are coalesced into one broadcast per event-loop turn, and a closing connection's
 * states are removed for everyone. Every state is stamped with its connection's user (`user`), so
 * no tab can show up as someone else, "here now" or typing.
 */
import { writeAwarenessUpdate, type AwarenessEntry } from '../../shared/protocol/awareness-update.js'
import { MalformedMessage } from '../../shared/protocol/sync-messages.js'
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
    for (const received of entries) {
      const current = this.states.get(received.clientId)
      if (current && current.owner !== from) continue
      if (current && received.clock < current.clock) continue
      const entry = stamped(received, from.principal.userId)
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

/**
 * The state as its user's: whatever `user` the client wrote is replaced by the connection's. A
 * state that is not a JSON object says nothing a Hearth client reads, and becomes just the user;
 * one that is not JSON at all is a malformed frame (the stock client could not read it either).
 */
function stamped(entry: AwarenessEntry, user: string): AwarenessEntry {
  if (entry.stateJson === 'null') return entry
  let state: unknown
  try {
    state = JSON.parse(entry.stateJson)
  } catch {
    throw new MalformedMessage('an awareness state that is not JSON')
  }
  const fields = typeof state === 'object' && state !== null && !Array.isArray(state) ? state : {}
  return { ...entry, stateJson: JSON.stringify({ ...fields, user }) }
}
