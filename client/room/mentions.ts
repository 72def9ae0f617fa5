/**
 * Mentions as the composer writes them: `@` followed by a few letters suggests the room's people;
 * a chosen person goes into the text as `@Name` and into the message's `mentions` as their id,
 * as long as `@Name` is still in the body when it is sent.
 */
import type { Person } from '../workspace/directory.js'

/** Suggestions shown at once; more letters narrow them. */
export const MAX_SUGGESTIONS = 6

/** The `@query` the caret is in, if any: `@` at the start or after a space, then no space. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | undefined {
  const match = /(?:^|\s)@([^\s@]{0,40})$/u.exec(text.slice(0, caret))
  if (!match) return undefined
  return { start: caret - match[1]!.length - 1, query: match[1]! }
}

/** People whose name has a word starting with the query, first names first, then by name. */
export function suggestPeople(people: Iterable<Person>, query: string): Person[] {
  const wanted = query.toLocaleLowerCase()
  const scored: Array<{ person: Person; rank: number }> = []
  for (const person of people) {
    const words = person.name.toLocaleLowerCase().split(/\s+/)
    const rank = words.findIndex((word) => word.startsWith(wanted))
    if (rank >= 0) scored.push({ person, rank })
  }
  scored.sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name))
  return scored.slice(0, MAX_SUGGESTIONS).map(({ person }) => person)
}

/** The ids of the chosen people whose `@Name` is still in the body. */
export function mentionsIn(body: string, chosen: Iterable<{ id: string; name: string }>): string[] {
  const ids = new Set<string>()
  for (const person of chosen) if (body.includes(`@${person.name}`)) ids.add(person.id)
  return [...ids]
}
