/**
 * The rules of a room doc (DESIGN section 3): new items only inside the writer's own messages and
 * boosts, or as new `messages`/`boosts` keys named after the writer; every value of the shape the
 * schema in shared/room says; deletions only of the writer's own items, except that administrators
 * remove messages and boosts, and parts of a message whose entry is deleted go with it.
 *
 * Where this differs from DESIGN section 3, and why:
 * - An administrator may remove any boost, not only those under a message they delete: telling
 *   the two apart needs each boost's message, which the index does not keep; moderation wants it.
 * - Anyone's resync may carry the deletion of an item inside a deleted message entry: Yjs deletes
 *   those on every replica (an edit that arrives after its message was deleted), so it is implied.
 * - An item referring to an id the relay does not have is refused: Yjs would hold it pending,
 *   unjudged, until that id arrives. Clients therefore send through the relay only (no
 *   BroadcastChannel shortcut between tabs).
 *
 * FIXME: two devices of one person overwriting the same field concurrently make Yjs delete the
 * losing value on every replica; a third person's resync can carry that deletion before the
 * author's devices do, and is refused (the client resets). Judging it needs YATA's conflict
 * order for that key; tracking per-key successors in the index would do.
 */
import * as Y from 'yjs'
import { ownerOfId } from '../../shared/room/ids.js'
import { MAX_CLOCK_SKEW_MS } from '../../shared/room/limits.js'
import { boostSchema, BOOSTS, fieldsOf, MESSAGES, REQUIRED_BOOST_FIELDS, REQUIRED_MESSAGE_FIELDS, TIME_FIELDS, type Boost } from '../../shared/room/schema.js'
import type { WriteRefusal } from '../docs/write-authorizer.js'
import { GONE, indexStructs, isEntry, type ItemIndex, type Place } from './item-index.js'
import { contains, idText, overlaps, refuse, type Judgement } from './judgement.js'
import type { RoomIndex } from './room-index.js'

export interface RoomVerdict {
  refusal: WriteRefusal | null
  /** Places of the attempt's structs, for the index once the attempt is accepted. */
  places?: ItemIndex
}

export function judgeRoomWrite(judgement: Judgement, room: RoomIndex, now: number): RoomVerdict {
  const refusal = judgement.checkClientIds() ?? judgement.checkReferences()
  if (refusal) return { refusal }
  let resolved = indexStructs(judgement.attempt.facts.structs, room.index)
  if (resolved.unresolved.length > 0 && !room.complete) {
    room.completeFromStorage()
    resolved = indexStructs(judgement.attempt.facts.structs, room.index)
  }
  const places = resolved.local
  const { newStructs } = judgement.attempt
  const stray = resolved.unresolved.find((item) => overlaps(newStructs, item.id.client, item.id.clock, item.length))
  if (stray) return { refusal: refuse('foreign-parent', `${idText(stray.id)} hangs off an item the relay does not have`) }
  // Keyed by the entry's id object: a new entry and its new fields share it within one update.
  const fieldsByEntry = new Map<Y.ID, Set<string>>()
  const newEntries: Array<{ item: Y.Item; place: Place }> = []
  for (const item of judgement.newItems) {
    const place = places.placeOf(item.id.client, item.id.clock)!
    const itemRefusal = judgeItem(item, place, judgement.writer, now)
    if (itemRefusal) return { refusal: itemRefusal }
    if (isEntry(place) && item.content instanceof Y.ContentType) newEntries.push({ item, place })
    if (place !== GONE && place.entry && place.field !== null) {
      const fields = fieldsByEntry.get(place.entry)
      if (fields) fields.add(place.field)
      else fieldsByEntry.set(place.entry, new Set([place.field]))
    }
  }
  for (const { item, place } of newEntries) {
    const fields = fieldsByEntry.get(item.id) ?? new Set()
    const required = place.root === MESSAGES ? REQUIRED_MESSAGE_FIELDS : REQUIRED_BOOST_FIELDS
    const missing = required.find((field) => !fields.has(field))
    if (missing) return { refusal: refuse('invalid-content', `${place.key} has no ${missing}`) }
  }
  return { refusal: judgeDeletes(judgement, room), places }
}

function judgeItem(item: Y.Item, place: Place, writer: string, now: number): WriteRefusal | null {
  if (place === GONE) return null // it hangs off garbage-collected content: Yjs collects it on arrival
  const fields = fieldsOf(place.root)
  if (!fields) return refuse('invalid-content', `a room has no root '${place.root.slice(0, 40)}'`)
  if (place.key === null) return refuse('invalid-content', `${place.root} is a map, not a list`)
  if (isEntry(place)) {
    if (ownerOfId(place.key) !== writer) return refuse('foreign-key', `${place.root} key ${place.key.slice(0, 80)} is not named after its writer`)
    return judgeEntry(item, place, writer, now)
  }
  if (item.content instanceof Y.ContentDeleted) return null
  if (place.nested || place.field === null) return refuse('invalid-content', `${place.key} holds only plain fields`)
  return judgeField(item, place.field, fields, writer, now)
}

function judgeEntry(item: Y.Item, place: Place, writer: string, now: number): WriteRefusal | null {
  const content = item.content
  if (content instanceof Y.ContentDeleted) return null
  if (content instanceof Y.ContentType && content.type instanceof Y.Map) return null // its fields are judged one by one
  if (place.root === BOOSTS && content instanceof Y.ContentAny && content.arr.length === 1) {
    const parsed = boostSchema.safeParse(content.arr[0])
    if (!parsed.success) return refuse('invalid-content', `boost ${place.key}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`)
    const boost = parsed.data as Boost
    if (boost.booster !== writer) return refuse('invalid-content', `boost ${place.key} names another booster`)
    return judgeTime('createdAt', boost.createdAt, now)
  }
  return refuse('invalid-content', `${place.root} entries are maps`)
}

function judgeField(item: Y.Item, field: string, fields: ReturnType<typeof fieldsOf> & object, writer: string, now: number): WriteRefusal | null {
  const schema = fields[field]
  if (!schema) return refuse('invalid-content', `unknown field '${field.slice(0, 40)}'`)
  const content = item.content
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return refuse('invalid-content', `${field} must be a plain value`)
  const value = content.arr[0]
  const parsed = schema.safeParse(value)
  if (!parsed.success) return refuse('invalid-content', `${field}: ${parsed.error.issues[0]?.message ?? 'wrong type'}`)
  if ((field === 'author' || field === 'booster') && value !== writer) return refuse('invalid-content', `${field} must be the writer`)
  return TIME_FIELDS.has(field) ? judgeTime(field, value as number, now) : null
}

function judgeTime(field: string, value: number, now: number): WriteRefusal | null {
  if (value <= now + MAX_CLOCK_SKEW_MS) return null
  return refuse('too-far-in-future', `${field} is ${Math.round((value - now) / 1000)} s ahead of the relay's clock`)
}

/** Rule 3: the writer's own items, or (administrators) messages and boosts, or parts of a deleted entry. */
function judgeDeletes(judgement: Judgement, room: RoomIndex): WriteRefusal | null {
  const foreign = judgement.foreignDeletes()
  if (foreign.length === 0) return null
  room.completeFromStorage()
  const administrator = judgement.attempt.writer.role === 'administrator'
  for (const [client, clock, length] of foreign) {
    for (const [from, , place] of room.index.pieces(client, clock, length)) {
      if (place === GONE) continue
      if (place === undefined) return refuse('foreign-deletion', `${client}:${from} is not an item the relay has`)
      // An administrator removes whole messages and boosts; their parts go with the entry below.
      if (administrator && isEntry(place) && (place.root === MESSAGES || place.root === BOOSTS)) continue
      // Yjs deletes what lies inside a deleted entry on every replica; a resync may carry that first.
      if (!isEntry(place) && place.entry && contains(judgement.attempt.facts.deleted, place.entry)) continue
      return refuse('foreign-deletion', `${client}:${from} belongs to another user`)
    }
  }
  return null
}
