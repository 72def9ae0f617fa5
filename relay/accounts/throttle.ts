/**
 * Counts attempts per address in a sliding window: sign-ins, joins and transfer links all pass
 * here, so guessing a password, a join code or a link costs the guesser time.
 * FIXME: in memory, per process; behind several relays this belongs in Redis with the rest.
 */
export const SIGN_IN_LIMIT = 10
export const SIGN_IN_WINDOW_MS = 3 * 60_000
/** Past this many addresses, forget those whose window has passed. */
const PRUNE_AT = 10_000

export class Throttle {
  private readonly attempts = new Map<string, number[]>()

  constructor(
    readonly limit = SIGN_IN_LIMIT,
    readonly windowMs = SIGN_IN_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; false when the address already used up its window. */
  attempt(address: string): boolean {
    const now = this.now()
    if (this.attempts.size > PRUNE_AT) this.prune(now)
    const recent = (this.attempts.get(address) ?? []).filter((at) => at > now - this.windowMs)
    if (recent.length >= this.limit) {
      this.attempts.set(address, recent)
      return false
    }
    recent.push(now)
    this.attempts.set(address, recent)
    return true
  }

  private prune(now: number): void {
    for (const [address, times] of this.attempts) if (times.every((at) => at <= now - this.windowMs)) this.attempts.delete(address)
  }
}
