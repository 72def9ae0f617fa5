/**
 * What a search result shows of its message: the body as plain text (the little Markdown people
 * type taken out), cut to a window around the first word that matched, in parts marked as hits or
 * not. The parts are text for a lit template, which escapes them: no HTML is built here.
 */
import { isPaired, normalizeText, wordsOf } from './terms.js'

/** Characters shown in all, and at most before the first hit. */
export const EXCERPT_LENGTH = 160
const LEAD = 40

export interface ExcerptPart {
  text: string
  hit: boolean
}

/** Markdown's marks out, link text kept, whitespace collapsed: "> **Kevin** [wrote](url): hi" reads "Kevin wrote: hi". */
export function plainText(body: string): string {
  return body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:>\s?)+/gm, '')
    .replace(/^\s{0,3}(?:[-*+]|\d+[.)]|#{1,6})\s+/gm, '')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Where the matched terms are: spaced words whole, and in unspaced runs every place a matched term occurs. */
function hitsIn(text: string, terms: ReadonlySet<string>): Array<{ start: number; end: number }> {
  const hits: Array<{ start: number; end: number }> = []
  const pairedTerms = [...terms].filter(isPaired)
  for (const { word, index, end } of wordsOf(text)) {
    const term = normalizeText(word)
    if (!isPaired(term)) {
      if (terms.has(term)) hits.push({ start: index, end })
      continue
    }
    // A paired run: every place a matched pair (or character) occurs. Normalizing may change the
    // run's length (half-width kana): then the whole run is marked.
    const exact = term.length === word.length
    for (const matched of pairedTerms) {
      for (let at = term.indexOf(matched); at >= 0; at = term.indexOf(matched, at + 1)) {
        hits.push(exact ? { start: index + at, end: index + at + matched.length } : { start: index, end })
      }
    }
  }
  // Overlapping pairs ("東京", "京都") become one stretch.
  hits.sort((a, b) => a.start - b.start)
  const merged: typeof hits = []
  for (const hit of hits) {
    const last = merged.at(-1)
    if (last && hit.start <= last.end) last.end = Math.max(last.end, hit.end)
    else merged.push({ ...hit })
  }
  return merged
}

export function excerpt(body: string, matchedTerms: readonly string[]): ExcerptPart[] {
  const text = plainText(body)
  const hits = hitsIn(text, new Set(matchedTerms))
  let from = 0
  const first = hits[0]
  if (first && first.start > LEAD) {
    // Start at a word boundary a little before the first hit.
    const space = text.lastIndexOf(' ', first.start - LEAD)
    from = space > 0 && first.start - space < LEAD * 2 ? space + 1 : first.start - LEAD
  }
  const to = Math.min(text.length, from + EXCERPT_LENGTH)
  const parts: ExcerptPart[] = []
  const push = (part: string, hit: boolean) => part && parts.push({ text: part, hit })
  if (from > 0) push('…', false)
  let at = from
  for (const { start, end } of hits) {
    if (end <= from || start >= to) continue
    push(text.slice(at, start), false)
    push(text.slice(start, Math.min(end, to)), true)
    at = Math.min(end, to)
  }
  push(text.slice(at, to), false)
  if (to < text.length) push('…', false)
  return parts
}
