/**
 * Message and boost ids are minted by the writer's device: `<userId>.<ulid>`. The prefix is what
 * lets the relay judge a new key without any other lookup: a key belongs to the user it names.
 * User ids never contain a '.', so the author is everything before the first dot.
 */
import { monotonicFactory } from 'ulid'

const ULID = /^[0-9a-hjkmnp-tv-z]{26}$/i
const nextUlid = monotonicFactory()

/** A new id owned by `userId`, sortable by the time it was minted. */
export function mintId(userId: string): string {
  return `${userId}.${nextUlid().toLowerCase()}`
}

/** The user a message or boost id belongs to, or undefined when it is not a well-formed id. */
export function ownerOfId(id: string): string | undefined {
  const dot = id.indexOf('.')
  if (dot <= 0) return undefined
  return ULID.test(id.slice(dot + 1)) ? id.slice(0, dot) : undefined
}

export function isIdOf(id: string, userId: string): boolean {
  return ownerOfId(id) === userId
}
