/**
 * What an untrusted update says, read without a Y.Doc: the structs it carries (the decoded items,
 * for the write authorizer) and the ids it creates and deletes. Anything undecodable or out of
 * bounds is a MalformedUpdate, never a crash: decoding is bounded by the input's length because
 * every loop in Yjs's decoder consumes bytes and throws when they run out.
 */
import * as Y from 'yjs'
import { IdSet } from './id-set.js'

/** Clocks count characters and items; no honest document comes near 2^31 of them per client. */
export const MAX_CLOCK = 2 ** 31

export class MalformedUpdate extends Error {}

export interface UpdateFacts {
  /** Items and GC structs, as Yjs decodes them (Skip structs are left out). */
  structs: Array<Y.Item | Y.GC>
  /** The ids of every struct in the update. */
  created: IdSet
  /** The deletions the update carries. */
  deleted: IdSet
}

export function readUpdateFacts(update: Uint8Array): UpdateFacts {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch (error) {
    throw new MalformedUpdate(`undecodable update: ${(error as Error).message}`)
  }
  const structs: Array<Y.Item | Y.GC> = []
  const created = new IdSet()
  for (const struct of decoded.structs) {
    if (struct.constructor.name === 'Skip') continue
    checkRange(struct.id.client, struct.id.clock, struct.length)
    structs.push(struct as Y.Item | Y.GC)
    created.add(struct.id.client, struct.id.clock, struct.length)
  }
  const deleted = new IdSet()
  for (const [client, items] of decoded.ds.clients) {
    for (const item of items) {
      checkRange(client, item.clock, item.len)
      deleted.add(client, item.clock, item.len)
    }
  }
  return { structs, created, deleted }
}

function checkRange(client: number, clock: number, length: number): void {
  if (!Number.isSafeInteger(client) || client < 0 || client > 0xffffffff) throw new MalformedUpdate(`bad client id ${client}`)
  if (!Number.isSafeInteger(clock) || !Number.isSafeInteger(length) || clock < 0 || length < 0 || clock + length > MAX_CLOCK) {
    throw new MalformedUpdate(`struct range out of bounds: ${client}:${clock}+${length}`)
  }
}
