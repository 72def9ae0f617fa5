/**
 * Messages written the way the app writes them (DESIGN section 2): root map `messages`, key
 * `<userId>.<ulid>`, value a Y.Map {author, createdAt, body, mentions}.
 * FIXME: use the room schema's postMessage from shared/room once it lands, so a schema change shows here.
 */
import * as Y from 'yjs'
import { ulid } from 'ulid'

const FILLER = 'Shipping the new onboarding flow today, please shout if the copy looks off anywhere.'

export class RoomWriter {
  readonly doc = new Y.Doc()
  private readonly messages = this.doc.getMap<Y.Map<unknown>>('messages')
  private lastCreatedAt = 0

  constructor(readonly userId: string) {}

  post(body: string): void {
    // The hybrid clock: never below a createdAt this writer has already used.
    const createdAt = Math.max(Date.now(), this.lastCreatedAt + 1)
    this.lastCreatedAt = createdAt
    const message = new Y.Map<unknown>()
    message.set('author', this.userId)
    message.set('createdAt', createdAt)
    message.set('body', body)
    message.set('mentions', [])
    this.messages.set(`${this.userId}.${ulid()}`, message)
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
