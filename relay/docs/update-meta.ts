/**
 * The facts the relay keeps beside every stored update, so loading a doc never re-parses its
 * (possibly megabytes of) updates: the ids it creates and the ids it deletes.
 * Encoding: `created IdSet • deleted IdSet` (IdSet encoding as in id-set.ts).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { IdSet } from './id-set.js'

export interface UpdateMeta {
  created: IdSet
  deleted: IdSet
}

export function writeUpdateMeta({ created, deleted }: UpdateMeta): Uint8Array {
  const encoder = encoding.createEncoder()
  created.encode(encoder)
  deleted.encode(encoder)
  return encoding.toUint8Array(encoder)
}

export function readUpdateMeta(bytes: Uint8Array): UpdateMeta {
  const decoder = decoding.createDecoder(bytes)
  const created = IdSet.decode(decoder)
  const deleted = IdSet.decode(decoder)
  return { created, deleted }
}
