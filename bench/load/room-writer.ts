/**
 * Messages written the way the app writes them: through the room schema's `postMessage`
 * (shared/room), so ids, fields and the hybrid clock are exactly what the relay's checks expect.
 */
import * as Y from 'yjs'
import { postMessage } from '../../shared/room/index.js'

const FILLER = 'Shipping the new onboarding flow today, please shout if the copy looks off anywhere.'

export class RoomWriter {
  readonly doc = new Y.Doc()

  constructor(readonly userId: string) {}

  post(body: string): void {
    postMessage(this.doc, this.userId, { body })
  }

  /** `count` messages in one transaction: one update, as a paste or an import would send. */
  postMany(count: number, body: (index: number) => string): void {
    this.doc.transact(() => {
      for (let i = 0; i < count; i++) this.post(body(i))
    })
  }
}

export const chatBody = (tag: string): string => `${FILLER} ${tag}`

/** A room's history as updates of `batch` messages each, every body tagged with a marker. */
export function roomHistory(userId: string, messages: number, batch: number, tag: (index: number) => string): Uint8Array[] {
  const writer = new RoomWriter(userId)
  const updates: Uint8Array[] = []
  writer.doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let start = 0; start < messages; start += batch) {
    writer.postMany(Math.min(batch, messages - start), (i) => chatBody(tag(start + i)))
  }
  return updates
}
