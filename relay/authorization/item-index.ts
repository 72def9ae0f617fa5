/**
 * Where every item of a doc sits, without a Y.Doc: for each id range, its root, its root-map key
 * (message or boost id), the id of that key's entry item and the field within the entry. That is
 * what the rules need to judge an edit (which field does this overwrite?) or a deletion (whose
 * message is this part of?), and it costs a few dozen bytes per item, not a Y.Doc's tenfold.
 *
 * An update carries a parent only for items without an origin (Yjs infers the parent from the
 * left or right neighbour), so a place is resolved through whichever reference the item has.
 */
import * as Y from 'yjs'

export interface Place {
  root: string
  /** The root map key (message or boost id); null for items of a root list or text. */
  key: string | null
  /** The entry item of that key (for an entry, itself). */
  entry: Y.ID | null
  /** The entry's field; null for the entry itself. */
  field: string | null
  /** Deeper than a field: inside a type stored as a field's value. */
  nested: boolean
}

/** Garbage-collected structs, and whatever hangs off them (Yjs collects those on arrival). */
export const GONE: Place = Object.freeze({ root: '', key: null, entry: null, field: null, nested: true })

export const isEntry = (place: Place): boolean => place !== GONE && place.key !== null && place.field === null && !place.nested

interface Range {
  clock: number
  length: number
  place: Place
}

export class ItemIndex {
  private readonly clients = new Map<number, Range[]>()
  size = 0

  placeOf(client: number, clock: number): Place | undefined {
    const ranges = this.clients.get(client)
    if (!ranges) return undefined
    const range = ranges[lastAtOrBefore(ranges, clock)]
    return range && clock < range.clock + range.length ? range.place : undefined
  }

  add(client: number, clock: number, length: number, place: Place): void {
    let ranges = this.clients.get(client)
    if (!ranges) this.clients.set(client, (ranges = []))
    const last = ranges[ranges.length - 1]
    if (!last || clock >= last.clock + last.length) {
      ranges.push({ clock, length, place })
      this.size++
      return
    }
    if (this.placeOf(client, clock) !== undefined) return // already known (a re-sent struct)
    ranges.splice(lastAtOrBefore(ranges, clock) + 1, 0, { clock, length, place })
    this.size++
  }

  addAll(other: ItemIndex): void {
    for (const [client, ranges] of other.clients) for (const range of ranges) this.add(client, range.clock, range.length, range.place)
  }

  /** The pieces of [clock, clock + length): each indexed range, or undefined for ids not indexed. */
  *pieces(client: number, clock: number, length: number): Generator<[clock: number, length: number, place: Place | undefined]> {
    const ranges = this.clients.get(client) ?? []
    let at = clock
    const end = clock + length
    for (let i = Math.max(0, lastAtOrBefore(ranges, clock)); i < ranges.length && at < end; i++) {
      const range = ranges[i]!
      const rangeEnd = range.clock + range.length
      if (rangeEnd <= at) continue
      if (range.clock >= end) break
      if (range.clock > at) {
        yield [at, range.clock - at, undefined]
        at = range.clock
      }
      const pieceEnd = Math.min(rangeEnd, end)
      yield [at, pieceEnd - at, range.place]
      at = pieceEnd
    }
    if (at < end) yield [at, end - at, undefined]
  }
}

function lastAtOrBefore(ranges: Range[], clock: number): number {
  let low = 0
  let high = ranges.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (ranges[middle]!.clock <= clock) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  return found
}

/** An item's place, from its explicit parent or its neighbour; undefined while a reference is unknown. */
export function placeOfItem(item: Y.Item, lookup: (id: Y.ID) => Place | undefined): Place | undefined {
  const parent = item.parent as unknown
  if (typeof parent === 'string') {
    const key = item.parentSub
    return { root: parent, key, entry: key === null ? null : item.id, field: null, nested: false }
  }
  if (parent instanceof Y.ID) {
    const container = lookup(parent)
    if (container === undefined || container === GONE) return container
    if (isEntry(container)) return { ...container, field: item.parentSub, nested: item.parentSub === null }
    return { ...container, nested: true }
  }
  const neighbour = item.origin ?? item.rightOrigin
  if (!neighbour) return undefined
  const beside = lookup(neighbour)
  if (beside === undefined || beside === GONE) return beside
  // A new value for a root map key is a new entry of that key (it replaces the old one).
  return isEntry(beside) ? { ...beside, entry: item.id } : beside
}

/**
 * Places of every struct of an update (or of several), resolved through `known` and each other.
 * Each item is resolved once, depth first through what it references, so a crafted chain of
 * cross-references costs linear time, not a pass per link.
 */
export function indexStructs(structs: Iterable<Y.Item | Y.GC>, known?: ItemIndex): { local: ItemIndex; unresolved: Y.Item[] } {
  const local = new ItemIndex()
  const lookup = (id: Y.ID) => local.placeOf(id.client, id.clock) ?? known?.placeOf(id.client, id.clock)
  const items: Y.Item[] = []
  for (const struct of structs) {
    if (struct instanceof Y.GC) local.add(struct.id.client, struct.id.clock, struct.length, GONE)
    else items.push(struct)
  }
  const pending = new PendingItems(items)
  const done = new Set<Y.Item>()
  const onStack = new Set<Y.Item>()
  const unresolved: Y.Item[] = []
  for (const item of items) {
    if (done.has(item)) continue
    const direct = placeOfItem(item, lookup) // the usual case: it follows what came before
    if (direct !== undefined) {
      local.add(item.id.client, item.id.clock, item.length, direct)
      done.add(item)
      continue
    }
    const stack = [item]
    onStack.add(item)
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const place = placeOfItem(top, lookup)
      const dependency = place === undefined ? pending.at(referenceOf(top)) : undefined
      if (dependency && !done.has(dependency) && !onStack.has(dependency)) {
        stack.push(dependency)
        onStack.add(dependency)
        continue
      }
      if (place === undefined) unresolved.push(top)
      else local.add(top.id.client, top.id.clock, top.length, place)
      done.add(top)
      onStack.delete(top)
      stack.pop()
    }
  }
  return { local, unresolved }
}

/** What an item's place follows from: its parent item, else its left, else its right neighbour. */
function referenceOf(item: Y.Item): Y.ID | null {
  return item.parent instanceof Y.ID ? item.parent : (item.origin ?? item.rightOrigin)
}

/** The items still to place, by id. */
class PendingItems {
  private readonly clients = new Map<number, Y.Item[]>()

  constructor(items: Y.Item[]) {
    for (const item of items) {
      const list = this.clients.get(item.id.client)
      if (list) list.push(item)
      else this.clients.set(item.id.client, [item])
    }
    for (const list of this.clients.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  }

  at(id: Y.ID | null): Y.Item | undefined {
    const list = id && this.clients.get(id.client)
    if (!list) return undefined
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const item = list[middle]!
      if (id.clock < item.id.clock) high = middle - 1
      else if (id.clock >= item.id.clock + item.length) low = middle + 1
      else return item
    }
    return undefined
  }
}
