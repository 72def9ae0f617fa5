/**
 * Ids for people and rooms. Never a '.': message ids are `<userId>.<ulid>`, so the author is
 * everything before the first dot. ULIDs are lowercased to read well in URLs and doc names.
 */
import { createHash } from 'node:crypto'
import { ulid } from 'ulid'

export const newId = (): string => ulid().toLowerCase()

/** Ping ids start with this; a ULID (Crockford base32) never contains '-', so they cannot collide. */
export const PING_PREFIX = 'ping-'

/**
 * A ping's id comes from its sorted members, so the same set of people always lands on the same
 * room (and the same doc), even when two of them start it offline at the same moment.
 */
export function pingId(memberIds: readonly string[]): string {
  const sorted = [...new Set(memberIds)].sort()
  return PING_PREFIX + createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 32)
}
