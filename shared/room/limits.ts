/**
 * Content limits of a room document. The client checks them before writing, the relay checks them
 * again on every update (a client may be anything that speaks y-websocket).
 */

/** A message body is a Markdown subset; 10,000 characters is a long essay, not a data dump. */
export const MAX_BODY_LENGTH = 10_000
/** A boost is an emoji or a few words: at most 16 characters as a person counts them. */
export const MAX_BOOST_CHARACTERS = 16
/** ...and at most this many UTF-16 units, so stacked combining marks cannot hide a long string. */
export const MAX_BOOST_UNITS = 64
/** A writer's clock may run ahead of the relay's by this much, no more. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000
export const MAX_MENTIONS = 100
/** Ids, names and MIME types are short strings. */
export const MAX_SHORT_STRING = 200
export const MAX_FILE_NAME = 500

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Characters as a person counts them: one emoji, flag or accented letter is one. */
export function characterCount(text: string): number {
  let count = 0
  for (const _ of graphemes.segment(text)) count++
  return count
}

export function isBoostContent(text: string): boolean {
  return text.length > 0 && text.length <= MAX_BOOST_UNITS && characterCount(text) <= MAX_BOOST_CHARACTERS
}
