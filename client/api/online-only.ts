/**
 * Settings, profiles and people change on the relay (it owns accounts and memberships), so unlike
 * messages they cannot wait on the device for the network. When a request cannot reach the relay,
 * say so plainly instead of showing a fetch error; the relay's own refusals are shown as it words them.
 */
import { ApiError } from './hearth-api.js'

/** A reverse proxy (or the test server) answers these when the relay behind it is down. */
const UNREACHABLE = new Set([502, 503, 504])

export const OFFLINE_NOTE = 'You are offline: this needs a connection to Hearth.'

export function offline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false
}

export function explain(error: unknown, fallback = 'That did not work.'): string {
  if (offline()) return OFFLINE_NOTE
  if (error instanceof ApiError) return UNREACHABLE.has(error.status) ? OFFLINE_NOTE : error.message || fallback
  // fetch rejects (a TypeError) only when nothing answered at all.
  return OFFLINE_NOTE
}
