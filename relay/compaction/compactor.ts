/**
 * Compaction: once a doc's log tail passes a threshold, a worker thread rebuilds it through a
 * Y.Doc with gc on (deleted text really disappears), and the snapshot replaces the merged rows in
 * one transaction. The event loop never holds a big doc; the worker does, one doc at a time.
 */
import { Worker } from 'node:worker_threads'
import type { Storage } from '../storage/storage.js'
import type { RelayDoc } from '../docs/relay-doc.js'
import type { CompactionRequest, CompactionResult } from './compact-worker.js'

/**
 * 1,000 rows or 1 MiB of tail, whichever first. A fresh client's sync merges the tail in batches
 * of 64 (about 15 ms per 1,000 small rows) and a nearly up-to-date one diffs only tail rows, so a
 * bounded tail bounds both; compacting more often would spend a worker rebuild (proportional to
 * the whole doc) on a few messages.
 */
export const COMPACT_AFTER_ROWS = 1000
export const COMPACT_AFTER_BYTES = 1024 * 1024
/**
 * The newest rows stay out of the snapshot: a client that was away for a blip lacks only these,
 * so its sync judges the big snapshot "already held" from its bounds instead of diffing it.
 */
export const KEEP_RECENT_ROWS = 100

export interface CompactionThresholds {
  rows: number
  bytes: number
}

export class Compactor {
  private worker: Worker | undefined
  private readonly queue: Array<{ doc: RelayDoc; keepRecent: number }> = []
  private running: Promise<void> | undefined
  private closed = false
  /** Completed compactions, for tests and the operator's log. */
  completed = 0

  constructor(
    private readonly storage: Storage,
    private readonly thresholds: CompactionThresholds = { rows: COMPACT_AFTER_ROWS, bytes: COMPACT_AFTER_BYTES },
    private readonly log: (message: string) => void = () => {},
  ) {}

  /**
   * Whether the rows a compaction would merge (all but the newest few) pass a threshold. Asked
   * after every commit, so the newest rows' bytes are summed only when the whole tail is past
   * the byte threshold (without them it can only be smaller).
   */
  shouldCompact(doc: RelayDoc): boolean {
    const older = doc.tailRows - KEEP_RECENT_ROWS
    if (older <= 0) return false
    if (older >= this.thresholds.rows) return true
    if (doc.tailBytes < this.thresholds.bytes) return false
    const rows = doc.storedUpdates
    let recent = 0
    for (let i = rows.length - KEEP_RECENT_ROWS; i < rows.length; i++) recent += rows[i]!.data.length
    return doc.tailBytes - recent >= this.thresholds.bytes
  }

  /** `everything`: merge the newest rows too (a ban or a test wants deleted text gone now). */
  compactLater(doc: RelayDoc, everything = false): void {
    if (this.closed || doc.compacting || (!everything && !this.shouldCompact(doc))) return
    doc.compacting = true
    this.queue.push({ doc, keepRecent: everything ? 0 : KEEP_RECENT_ROWS })
    this.running ??= this.drain()
  }

  /** Resolves when every queued compaction has finished. */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  async close(): Promise<void> {
    this.closed = true
    this.queue.length = 0
    await this.idle()
    await this.worker?.terminate()
    this.worker = undefined
  }

  private async drain(): Promise<void> {
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        const { doc, keepRecent } = next
        try {
          await this.compact(doc, keepRecent)
        } catch (error) {
          this.log(`compaction of ${doc.name} failed: ${(error as Error).message}`)
        } finally {
          doc.compacting = false
        }
      }
    } finally {
      this.running = undefined
    }
  }

  private async compact(doc: RelayDoc, keepRecent: number): Promise<void> {
    const all = doc.storedUpdates
    const rows = all.slice(0, Math.max(0, all.length - keepRecent))
    const upTo = rows.reduce((max, row) => Math.max(max, row.id), 0)
    if (upTo === 0) return
    const request: CompactionRequest = { updates: rows.map((row) => row.data) }
    const result = await this.run(request)
    if (this.closed) return
    this.storage.replaceWithSnapshot(doc.name, upTo, result.parts)
    doc.replaceWithSnapshot(upTo, result.parts)
    this.storage.vacuumLater?.()
    this.completed++
  }

  private run(request: CompactionRequest): Promise<CompactionResult> {
    const worker = (this.worker ??= new Worker(new URL('./compact-worker-entry.mjs', import.meta.url)))
    worker.unref()
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
      }
      const onMessage = (result: CompactionResult) => {
        cleanup()
        resolve(result)
      }
      const onError = (error: Error) => {
        cleanup()
        this.worker = undefined
        reject(error)
      }
      const onExit = (code: number) => {
        cleanup()
        this.worker = undefined
        reject(new Error(`compaction worker exited with ${code}`))
      }
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('exit', onExit)
      worker.postMessage(request)
    })
  }
}
