/**
 * Terms for the search index, in any script; documents and queries are cut the same way.
 *
 * Text is NFKC-normalized (full-width and half-width forms become one), lowercased, and its Latin
 * and Greek accents folded, so "cafe" finds "café" and "unicode" finds "Ünïcödé". Marks are folded
 * only there: in Devanagari or Thai a combining mark is part of the letter, not an accent.
 *
 * Words are runs of letters, marks and digits (with inner apostrophes: "don't"). Two kinds of
 * script need more:
 * - Han, Kana and Hangul runs are cut into overlapping pairs of characters ("東京都庁" → 東京, 京都,
 *   都庁), as CJK search engines do (Lucene's CJK bigrams): a query's pairs must all be there, so
 *   "東京" finds "私は東京に住んでいます" and "京都" finds "東京都庁" without knowing where words end,
 *   and Korean particles glued on ("서울에") do not hide a word. A lone character is its own term,
 *   and as the last word of a query it is a prefix ("東" finds 東京).
 * - Thai, Lao, Khmer and Myanmar runs go through `Intl.Segmenter`, which knows their words from a
 *   dictionary. It also knows Japanese and Chinese words, but pairs find all it would and more,
 *   and it costs several times a regular expression per word, so it is asked only about these.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })
/** Script_Extensions, so that "ー" and "々" count with their script. */
const PAIRED = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Hangul}'
const DICTIONARY = '\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}'
const TOKENS = /[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*/gu
/** A token that needs more than the regular expression. */
const SPECIAL = new RegExp(`[${PAIRED}${DICTIONARY}]`, 'u')
/** Within such a token: paired runs, dictionary runs, and the rest. */
const PARTS = new RegExp(`[${PAIRED}]+|[${DICTIONARY}]+|[^${PAIRED}${DICTIONARY}]+`, 'gu')
const IS_PAIRED = new RegExp(`^[${PAIRED}]`, 'u')
const IS_DICTIONARY = new RegExp(`^[${DICTIONARY}]`, 'u')
/** Accents on Latin and Greek letters, once decomposed. */
const ACCENTS = /(?<=[\p{sc=Latin}\p{sc=Greek}])\p{M}+/gu
const APOSTROPHES = /[\u2019\u02bc\uff07]/g
const ASCII = /^[\x00-\x7f]*$/

/** Text as the index holds it. NFKD then NFC is NFKC, with the accents taken out in between. */
export function normalizeText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFKD').toLowerCase().replace(ACCENTS, '').normalize('NFC').replace(APOSTROPHES, "'")
}

/** Is this term (or run) in a script cut into pairs? */
export function isPaired(term: string): boolean {
  return IS_PAIRED.test(term)
}

export interface Word {
  /** As written (a whole run, for paired scripts), and where it is in the text. */
  word: string
  index: number
  end: number
}

/** The words of a text where they are; a run of a paired script is one "word" here. */
export function* wordsOf(text: string): Generator<Word> {
  for (const match of text.matchAll(TOKENS)) {
    const token = match[0]
    if (!SPECIAL.test(token)) {
      yield { word: token, index: match.index, end: match.index + token.length }
      continue
    }
    for (const part of token.matchAll(PARTS)) {
      const at = match.index + part.index
      if (!IS_DICTIONARY.test(part[0])) {
        yield { word: part[0], index: at, end: at + part[0].length }
        continue
      }
      for (const { segment, index, isWordLike } of segmenter.segment(part[0])) {
        if (isWordLike) yield { word: segment, index: at + index, end: at + index + segment.length }
      }
    }
  }
}

/** A paired run's terms: its pairs of characters, or the character alone. */
function pairsOf(run: string): string[] {
  const characters = [...run]
  if (characters.length < 2) return characters
  const pairs: string[] = []
  for (let i = 0; i + 1 < characters.length; i++) pairs.push(characters[i]! + characters[i + 1]!)
  return pairs
}

/** Every term of a message or a query, in order. */
export function termsOf(text: string): string[] {
  const normal = normalizeText(text)
  // Most messages: words a regular expression finds, nothing more.
  if (!SPECIAL.test(normal)) return normal.match(TOKENS) ?? []
  const terms: string[] = []
  for (const { word } of wordsOf(normal)) {
    if (isPaired(word)) terms.push(...pairsOf(word))
    else terms.push(word)
  }
  return terms
}
