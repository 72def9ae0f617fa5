/**
 * Reconnect delays: exponential with full jitter, so a relay restart is not met by every tab at
 * the same instant (the stock y-websocket client retries without jitter; DESIGN section 7).
 */
export const BACKOFF_BASE_MS = 500
export const BACKOFF_MAX_MS = 30_000

/** The delay before reconnect attempt `attempt` (0 = first retry), uniformly in [base/2, cap]. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 16))
  const floor = BACKOFF_BASE_MS / 2
  return Math.round(floor + random() * (cap - floor))
}
