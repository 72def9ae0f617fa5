/**
 * One of the user's docs as this tab holds it: a Y.Doc opened from IndexedDB first (so the app
 * reads and writes with no network), the relay's known state (for delivery marks), and whether
 * the relay has it open on the live socket. Elements listen for `change` and re-read.
 */
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { Awareness } from 'y-protocols/awareness'
import { RelayState } from './relay-state.js'

export type LiveDocStatus = 'local' | 'syncing' | 'synced' | 'refused'

export class LiveDoc extends EventTarget {
  doc: Y.Doc
  /** Presence and typing in this doc: relayed by the relay, never stored. */
  awareness: Awareness
  status: LiveDocStatus = 'local'
  refusal: string | undefined
  /** Grows with every change to the doc's content (not with delivery news), for caches. */
  contentVersion = 0
  readonly relayState: RelayState
  /** The device's copy; its updates are already on the device, never re-sent as live edits. */
  store: IndexeddbPersistence | undefined
  private loaded: Promise<void>

  constructor(readonly name: string, private readonly persist: boolean) {
    super()
    this.relayState = new RelayState(name)
    this.doc = new Y.Doc()
    this.awareness = quietAwareness(this.doc)
    this.loaded = this.attach()
  }

  /** Resolves once the device's copy has been read into `doc`. */
  whenLoaded(): Promise<void> {
    return this.loaded
  }

  /** The relay refused a write: drop this device's copy and start again from the relay's. */
  async reset(reason: string): Promise<void> {
    await this.store?.clearData()
    this.relayState.forget()
    this.awareness.destroy()
    this.doc.destroy()
    this.doc = new Y.Doc()
    this.awareness = quietAwareness(this.doc)
    this.status = 'local'
    this.refusal = reason
    this.loaded = this.attach()
    await this.loaded
    this.changed()
  }

  /** Signing out: forget everything this device held. */
  async erase(): Promise<void> {
    await this.store?.clearData()
    this.relayState.forget()
    this.awareness.destroy()
    this.doc.destroy()
  }

  close(): void {
    this.awareness.destroy()
    void this.store?.destroy()
    this.doc.destroy()
  }

  changed(): void {
    this.dispatchEvent(new Event('change'))
  }

  private async attach(): Promise<void> {
    const doc = this.doc
    this.awareness.on('change', () => this.changed())
    doc.on('update', () => {
      this.contentVersion++
      this.changed()
    })
    if (!this.persist) return
    this.store = new IndexeddbPersistence(this.name, doc)
    await this.store.whenSynced
  }
}

/**
 * No presence until there is something to say (the room is on screen, see workspace/presence.ts):
 * an empty state would be re-announced every 15 s for every doc, the idle traffic DESIGN section 7
 * warns about.
 */
function quietAwareness(doc: Y.Doc): Awareness {
  const awareness = new Awareness(doc)
  awareness.setLocalState(null)
  return awareness
}
