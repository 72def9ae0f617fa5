/**
 * What the relay is known to hold of one doc, as a state vector (client id -> next clock). It
 * starts from the relay's sync step 1 and grows with every update the relay sends, including the
 * echo of our own writes: the relay echoes an update only after committing it, so a change is
 * delivered exactly when this state covers it. Kept in localStorage so a reload while offline
 * still knows which messages are waiting.
 */
import * as Y from 'yjs'

const STORAGE_PREFIX = 'hearth:relay-state:'

export class RelayState {
  private readonly clocks = new Map<number, number>()

  constructor(private readonly docName: string, private readonly storage: Storage | undefined = globalThis.localStorage) {
    for (const [client, clock] of this.load()) this.clocks.set(client, clock)
  }

  /** The relay's own account of what it holds (its sync step 1). */
  learnStateVector(stateVector: Uint8Array): void {
    this.merge(Y.decodeStateVector(stateVector))
  }

  /** An update the relay sent us: it holds everything the update contains. */
  learnUpdate(update: Uint8Array): void {
    this.merge(Y.parseUpdateMeta(update).to)
  }

  covers(id: Y.ID): boolean {
    return id.clock < (this.clocks.get(id.client) ?? 0)
  }

  /** Whether the relay holds everything in the local doc. */
  coversDoc(doc: Y.Doc): boolean {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      if ((this.clocks.get(client) ?? 0) < clock) return false
    }
    return true
  }

  forget(): void {
    this.clocks.clear()
    this.storage?.removeItem(STORAGE_PREFIX + this.docName)
  }

  private merge(clocks: Map<number, number>): void {
    let grew = false
    for (const [client, clock] of clocks) {
      if (clock > (this.clocks.get(client) ?? 0)) {
        this.clocks.set(client, clock)
        grew = true
      }
    }
    if (grew) this.storage?.setItem(STORAGE_PREFIX + this.docName, JSON.stringify([...this.clocks]))
  }

  private load(): Array<[number, number]> {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(STORAGE_PREFIX + this.docName) ?? '[]')
      return Array.isArray(parsed) ? parsed.filter((pair): pair is [number, number] => Array.isArray(pair) && pair.length === 2) : []
    } catch {
      return []
    }
  }
}
