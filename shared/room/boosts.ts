/** Boosting: a reaction of up to 16 characters on a message, removable only by its booster. */
import * as Y from 'yjs'
import { mintId } from './ids.js'
import { isBoostContent } from './limits.js'
import { fieldsOfBoost } from './messages.js'
import { clockOf } from './room-clock.js'
import { BOOSTS, type Boost } from './schema.js'
import { RoomError } from './writer.js'

export const boostsOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(BOOSTS)

/** Boosts `messageId` as `booster`; returns the boost's id. Stored as one plain object: one item. */
export function boost(doc: Y.Doc, booster: string, messageId: string, content: string): string {
  if (!isBoostContent(content)) throw new RoomError('a boost is 1 to 16 characters')
  const id = mintId(booster)
  const value: Boost = { message: messageId, booster, content, createdAt: clockOf(doc).tick() }
  boostsOf(doc).set(id, value)
  return id
}

export function unboost(doc: Y.Doc, booster: string, boostId: string): void {
  const existing = boostsOf(doc).get(boostId)
  if (existing === undefined) throw new RoomError(`no boost ${boostId}`)
  if (fieldsOfBoost(existing).booster !== booster) throw new RoomError(`${booster} may not remove ${boostId}`)
  boostsOf(doc).delete(boostId)
}

/** A message's boosts, oldest first. */
export function boostsFor(doc: Y.Doc, messageId: string): Array<Boost & { id: string }> {
  const found: Array<Boost & { id: string }> = []
  for (const [id, value] of boostsOf(doc)) {
    const fields = fieldsOfBoost(value)
    if (fields.message !== messageId) continue
    const { message, booster, content, createdAt } = fields
    if (typeof booster === 'string' && typeof content === 'string' && typeof createdAt === 'number') {
      found.push({ id, message: messageId, booster, content, createdAt })
    }
  }
  return found.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
}
