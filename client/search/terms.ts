/**
 * Words for the search index, in any script. Text is NFKC-normalized (full-width and half-width
 * forms become one), lowercased, and its Latin and Greek accents folded, so "cafe" finds "café"
 * and "unicode" finds "Ünïcödé". Marks are folded only there: in Devanagari or Thai a combining
 * mark is part of the letter, not an accent.
 *
 * Words are runs of letters, marks and digits (with inner apostrophes: "don't"). Scripts written
 * without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar) go through `Intl.Segmenter`, which knows
 * their words from a dictionary; it is only asked about those stretches, as it costs about ten
 * times a regular expression per word and most messages have none.
 *
 * Where words run together (Han, Kana, Hangul), the segmenter's breaks depend on the neighbours
 * ("東京都庁" is 東京 + 都庁, and Korean glues particles on: "서울에"), so a message also yields
 * every pair of adjacent characters of such a run, and a query of two characters or more in those
 * scripts is searched as its pairs: "京都" finds "東京都庁", "서울" finds "서울에", the way CJK
 * search engines index bigrams. A single character is searched as a word prefix ("東" finds 東京).
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })
/** Scripts whose words only a dictionary can find (Script_Extensions, so that "ー" and "々" count). */
const DICTIONARY = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}'
const TOKENS = /[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*/gu
/** Within a token that has some: the stretches only the dictionary can split, and the rest. */
const DICTIONARY_RUNS = new RegExp(`[${DICTIONARY}]+|[^${DICTIONARY}]+`, 'gu')
const HAS_DICTIONARY = new RegExp(`[${DICTIONARY}]`, 'u')
/** Scripts whose runs of characters also yield pairs. */
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Hangul}]/u
/** Accents on Latin and Greek letters, once decomposed (NFD). */
const ACCENTS = /(?<=[\p{sc=Latin}\p{sc=Greek}])\p{M}+/gu
const APOSTROPHES = /[\u2019\u02bc\uff07]/g
/** Text that needs more than a regular expression to cut. */
const SPECIAL = new RegExp(`[${DICTIONARY}\\p{sc=Hangul}]`, 'u')
const ASCII = /^[\x00-\x7f]*$/

/** Text as the index holds it. */
export function normalizeText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(ACCENTS, '').normalize('NFC').replace(APOSTROPHES, "'")
}

export function isUnspaced(term: string): boolean {
  return UNSPACED.test(term)
}

export interface Word {
  /** As written, and where it starts in the text. */
  word: string
  index: number
  end: number
}

/** The words of a text as written, where they are. */
export function* wordsOf(text: string): Generator<Word> {
  for (const match of text.matchAll(TOKENS)) {
    const token = match[0]
    if (!HAS_DICTIONARY.test(token)) {
      yield { word: token, index: match.index, end: match.index + token.length }
      continue
    }
    for (const part of token.matchAll(DICTIONARY_RUNS)) {
      const at = match.index + part.index
      for (const { segment, index, isWordLike } of segmenter.segment(part[0])) {
        if (isWordLike) yield { word: segment, index: at + index, end: at + index + segment.length }
      }
    }
  }
}

/** Adjacent words in unspaced scripts, joined: the runs whose character pairs are terms. */
export function* runsOf(words: Iterable<Word>): Generator<Word> {
  let run: Word | undefined
  for (const word of words) {
    if (!isUnspaced(word.word)) continue
    if (run && run.end === word.index) {
      run.word += word.word
      run.end = word.end
    } else {
      if (run) yield run
      run = { ...word }
    }
  }
  if (run) yield run
}

function pairsOf(term: string): string[] {
  const characters = [...term]
  const pairs: string[] = []
  for (let i = 0; i + 1 < characters.length; i++) pairs.push(characters[i]! + characters[i + 1]!)
  return pairs
}

/** Every term of a message: its normalized words, plus the character pairs of unspaced runs. */
export function termsOf(text: string): string[] {
  const normal = normalizeText(text)
  // Most messages: no dictionary, no pairs, just the words.
  if (!SPECIAL.test(normal)) return normal.match(TOKENS) ?? []
  const words = [...wordsOf(normal)]
  const terms = words.map((word) => word.word)
  for (const run of runsOf(words)) terms.push(...pairsOf(run.word))
  return terms
}

/** The terms of a query: spaced words as words, unspaced runs as their character pairs (a lone character as itself). */
export function queryTermsOf(text: string): string[] {
  const words = [...wordsOf(normalizeText(text))]
  const terms: Array<{ index: number; terms: string[] }> = []
  for (const word of words) if (!isUnspaced(word.word)) terms.push({ index: word.index, terms: [word.word] })
  for (const run of runsOf(words)) terms.push({ index: run.index, terms: [...run.word].length > 1 ? pairsOf(run.word) : [run.word] })
  // In the order typed: the last term is the one still being typed, searched as a prefix.
  return terms.sort((a, b) => a.index - b.index).flatMap((entry) => entry.terms)
}
