/**
 * What a ban does to words already said: every message of the banned person leaves every room they
 * were in (a server-written deletion, so every replica drops them), then those rooms are compacted
 * at once so the text also leaves the database file, rather than at the next threshold.
 */
import { eraseMessagesOf } from '../authorization/erase-messages.js'
import type { Ban } from './moderation.js'

export async function eraseMessagesOnBan({ relay, userId, roomDocNames }: Ban): Promise<void> {
  await eraseMessagesOf(relay, userId, roomDocNames)
  relay.commits.flush()
  for (const name of roomDocNames) {
    const doc = await relay.docs.open(name)
    relay.compactor.compactLater(doc, true)
    await relay.compactor.idle()
    relay.docs.unload(doc)
  }
}
