/**
 * A room's item index, kept from accepted updates and completed lazily from its stored rows the
 * first time a rule needs an item the index has not seen (an edit, a deletion by someone else).
 * Posting new messages never needs it, so opening and writing to a big room decodes nothing old.
 *
 * FIXME: completing it decodes every stored row on the event loop: 0.4-0.7 s and 17 MB for a
 * room of 20,000 messages (4 MB encoded; Yjs's decoding is 60% of that). The compaction worker
 * already decodes those rows: it should build the index there and store it beside the snapshot.
 */
import * as Y from 'yjs'
import type { StoredUpdate } from '../storage/storage.js'
import { indexStructs, ItemIndex } from './item-index.js'

export class RoomIndex {
  readonly index = new ItemIndex()
  complete = false

  constructor(private readonly loadRows: () => StoredUpdate[]) {}

  /** Decodes the doc's stored rows once; the index already holds what was accepted since. */
  completeFromStorage(): void {
    if (this.complete) return
    this.complete = true
    const structs: Array<Y.Item | Y.GC> = []
    for (const row of this.loadRows()) {
      for (const struct of Y.decodeUpdate(row.data).structs) if (!(struct instanceof Y.Skip)) structs.push(struct as Y.Item | Y.GC)
    }
    this.index.addAll(indexStructs(structs, this.index).local)
  }
}
