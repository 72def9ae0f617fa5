/**
 * Groups accepted updates into one SQLite transaction per event-loop turn. Callbacks run only after
 * the commit returns, so a broadcast or an echo always means the update is durable.
 */
import type { NewUpdate, Storage } from '../storage/storage.js'

interface Pending {
  update: NewUpdate
  onCommitted: (id: number) => void
  onFailed: (error: Error) => void
}

export class CommitQueue {
  private pending: Pending[] = []
  private scheduled: NodeJS.Immediate | undefined

  constructor(private readonly storage: Storage) {}

  get size(): number {
    return this.pending.length
  }

  commitLater(update: NewUpdate, onCommitted: Pending['onCommitted'], onFailed: Pending['onFailed']): void {
    this.pending.push({ update, onCommitted, onFailed })
    this.scheduled ??= setImmediate(() => this.flush())
  }

  /** Commits everything pending now (also used at shutdown). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = undefined
    const batch = this.pending
    this.pending = []
    if (batch.length === 0) return
    let ids: number[]
    try {
      ids = this.storage.appendUpdates(batch.map((entry) => entry.update))
    } catch (error) {
      for (const entry of batch) entry.onFailed(error as Error)
      return
    }
    batch.forEach((entry, index) => entry.onCommitted(ids[index]!))
  }
}
