/**
 * What every doc's rules share: one write attempt, the client ids its writer owns (including those
 * the attempt claims), and the new items it brings. Only new structs and new deletions are judged
 * (DESIGN section 3, rule 5): a sync step 2 re-sends everything the client has, and that is legal.
 */
import * as Y from 'yjs'
import type { IdSet } from '../docs/id-set.js'
import type { WriteAttempt, WriteRefusal, WriteRefusalReason } from '../docs/write-authorizer.js'
import { RELAY_OWNER } from './client-owners.js'

export class Judgement {
  readonly writer: string
  /** Client ids nobody owned: the attempt claims them for its writer (recorded once accepted). */
  readonly claims = new Set<number>()
  readonly newItems: Y.Item[] = []
  readonly newGcs: Y.GC[] = []

  constructor(readonly attempt: WriteAttempt, private readonly owners: ReadonlyMap<number, string>) {
    this.writer = attempt.writer.userId
    for (const struct of attempt.facts.structs) {
      if (!overlaps(attempt.newStructs, struct.id.client, struct.id.clock, struct.length)) continue
      if (struct instanceof Y.Item) this.newItems.push(struct)
      else this.newGcs.push(struct)
    }
  }

  ownerOf(client: number): string | undefined {
    return this.owners.get(client) ?? (this.claims.has(client) ? this.writer : undefined)
  }

  /** Rule 1: structs only under client ids the writer owns or is first to use. */
  checkClientIds(): WriteRefusal | null {
    for (const client of this.attempt.newStructs.clients.keys()) {
      const owner = this.owners.get(client)
      if (owner === undefined) this.claims.add(client)
      else if (owner !== this.writer) return refuse('foreign-client-id', `client id ${client} belongs to ${owner === RELAY_OWNER ? 'the relay' : 'another user'}`)
    }
    return null
  }

  /** Rule 2, the ownership half: a new item's parent, origin and right origin are the writer's own. */
  checkReferences(): WriteRefusal | null {
    for (const item of this.newItems) {
      for (const ref of [item.parent, item.origin, item.rightOrigin]) {
        if (!(ref instanceof Y.ID)) continue
        const owner = this.ownerOf(ref.client)
        if (owner === this.writer) continue
        if (owner === RELAY_OWNER) return refuse('server-owned', `${idText(item.id)} hangs off the relay's ${idText(ref)}`)
        return refuse('foreign-parent', `${idText(item.id)} hangs off ${owner === undefined ? 'an unknown item' : "another user's item"} ${idText(ref)}`)
      }
    }
    return null
  }

  /** The deletions that are not of the writer's own items. */
  foreignDeletes(): Array<[client: number, clock: number, length: number]> {
    return [...this.attempt.newDeletes.entries()].filter(([client]) => this.ownerOf(client) !== this.writer)
  }
}

export function refuse(reason: WriteRefusalReason, detail: string): WriteRefusal {
  return { reason, detail }
}

export const idText = (id: Y.ID): string => `${id.client}:${id.clock}`

/** Whether [clock, clock + length) meets the set; a binary search, as crafted updates may be gappy. */
export function overlaps(set: IdSet, client: number, clock: number, length: number): boolean {
  const ranges = set.clients.get(client)
  if (!ranges) return false
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [from, size] = ranges[middle]!
    if (from + size <= clock) low = middle + 1
    else if (from >= clock + length) high = middle - 1
    else return true
  }
  return false
}

export const contains = (set: IdSet, id: Y.ID): boolean => overlaps(set, id.client, id.clock, 1)
