/**
 * The hybrid logical clock behind `createdAt`: wall-clock milliseconds, but never below (or equal
 * to) any createdAt the writer has seen. A device whose clock lags still posts after the message it
 * answers, so ordering by (createdAt, id) reads the way the conversation went.
 */
export class HybridClock {
  private latest = 0

  constructor(private readonly now: () => number = Date.now) {}

  /** Remember a createdAt someone wrote, so the next tick comes after it. */
  observe(createdAt: unknown): void {
    if (typeof createdAt === 'number' && Number.isFinite(createdAt) && createdAt > this.latest) this.latest = createdAt
  }

  /** The createdAt for something written now. */
  tick(): number {
    this.latest = Math.max(Math.floor(this.now()), this.latest + 1)
    return this.latest
  }
}
