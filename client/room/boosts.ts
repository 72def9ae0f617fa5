/**
 * A room's boosts grouped by message, read once per change of the room doc rather than once per
 * rendered message (`boostsFor` walks every boost in the room each time it is asked).
 */
import type * as Y from 'yjs'
import { boostsOf, isBoostContent, type Boost } from '../../shared/room/index.js'
import { fieldsOfBoost } from '../../shared/room/messages.js'

export { boost, unboost } from '../../shared/room/boosts.js'
export { isBoostContent }

/** Campfire's quick boosts, in its order. */
export const QUICK_BOOSTS = ['👍', '👏', '👋', '💪', '❤️', '😂', '🎉', '🔥'] as const

export type BoostEntry = Boost & { id: string }

/** Every well-formed boost, by message id, oldest first (the same order as `boostsFor`). */
export function readBoosts(doc: Y.Doc): Map<string, BoostEntry[]> {
  const byMessage = new Map<string, BoostEntry[]>()
  for (const [id, value] of boostsOf(doc)) {
    const { message, booster, content, createdAt } = fieldsOfBoost(value)
    if (typeof message !== 'string' || typeof booster !== 'string' || typeof content !== 'string' || typeof createdAt !== 'number') continue
    const list = byMessage.get(message) ?? []
    list.push({ id, message, booster, content, createdAt })
    byMessage.set(message, list)
  }
  for (const list of byMessage.values()) list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
  return byMessage
}
