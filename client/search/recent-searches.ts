/**
 * The last searches a person made, kept in their own user doc (root `searches`, one of the roots
 * the relay lets them write), so every device they sign in on suggests the same ones. A Y.Array of
 * strings, most recent first. Two devices searching offline can both insert at the front: reading
 * dedupes and caps, and the next search written trims what is left over.
 */
import type * as Y from 'yjs'
import { normalizeText } from './terms.js'

export const SEARCHES = 'searches'
export const RECENT_SEARCHES = 10

const sameSearch = (query: string) => normalizeText(query.trim().replace(/\s+/g, ' '))

/** The most recent searches first, each once, at most RECENT_SEARCHES. */
export function recentSearches(userDoc: Y.Doc): string[] {
  const seen = new Set<string>()
  const recent: string[] = []
  for (const query of userDoc.getArray<unknown>(SEARCHES)) {
    if (typeof query !== 'string' || seen.has(sameSearch(query))) continue
    seen.add(sameSearch(query))
    recent.push(query)
    if (recent.length === RECENT_SEARCHES) break
  }
  return recent
}

/** Puts a search first: an earlier copy (in any case or spacing) moves up, the oldest beyond ten go. */
export function rememberSearch(userDoc: Y.Doc, query: string): void {
  const text = query.trim().replace(/\s+/g, ' ')
  if (!text) return
  const searches = userDoc.getArray<unknown>(SEARCHES)
  if (searches.get(0) === text && searches.length <= RECENT_SEARCHES) return
  userDoc.transact(() => {
    const same = sameSearch(text)
    const entries = searches.toArray()
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]
      if (typeof entry !== 'string' || sameSearch(entry) === same) searches.delete(i, 1)
    }
    searches.insert(0, [text])
    if (searches.length > RECENT_SEARCHES) searches.delete(RECENT_SEARCHES, searches.length - RECENT_SEARCHES)
  })
}
