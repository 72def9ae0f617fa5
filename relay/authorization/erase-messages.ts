/**
 * Banning: every message of a person, and the boosts on those messages and by that person, leave
 * the given rooms through a deletion the relay writes itself. Peers apply it like any update;
 * the next compaction (a Y.Doc with gc on) drops the text, and secure_delete clears the pages.
 *
 * FIXME: materializes each room's Y.Doc on the event loop; bans are rare, but a huge room would
 * be better erased in the compaction worker from the same stored rows.
 */
import * as Y from 'yjs'
import { ownerOfId } from '../../shared/room/ids.js'
import { fieldsOfBoost } from '../../shared/room/messages.js'
import { BOOSTS, MESSAGES } from '../../shared/room/schema.js'
import type { Relay } from '../relay.js'

/** Returns how many messages were erased. */
export async function eraseMessagesOf(relay: Pick<Relay, 'docs' | 'commits'>, userId: string, roomDocNames: Iterable<string>): Promise<number> {
  let erased = 0
  for (const name of roomDocNames) {
    const doc = await relay.docs.open(name)
    relay.commits.flush() // what was accepted this turn is in the stored rows too
    const room = new Y.Doc({ gc: false })
    Y.transact(room, () => {
      for (const row of doc.storedUpdates) Y.applyUpdate(room, row.data)
    })
    let deletion: Uint8Array | undefined
    room.on('update', (update: Uint8Array) => (deletion = update))
    room.transact(() => (erased += eraseFrom(room, userId)))
    room.destroy()
    if (deletion) doc.write(deletion)
    relay.docs.unload(doc)
  }
  return erased
}

function eraseFrom(room: Y.Doc, userId: string): number {
  const messages = room.getMap<unknown>(MESSAGES)
  const boosts = room.getMap<unknown>(BOOSTS)
  const theirs = new Set([...messages.keys()].filter((id) => ownerOfId(id) === userId))
  for (const id of theirs) messages.delete(id)
  for (const [id, value] of boosts) {
    const { message, booster } = fieldsOfBoost(value)
    if (ownerOfId(id) === userId || booster === userId || theirs.has(message as string)) boosts.delete(id)
  }
  return theirs.size
}
