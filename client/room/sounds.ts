/**
 * `/play <name>`: a message that is exactly that plays a sound for everyone viewing the room when
 * it arrives live. The sounds are Hearth's own (scripts/make-sounds.mjs writes them into
 * client/public/sounds/); an unknown name is just text.
 *
 * Live, never history: a sound plays only for a message added to the room doc while the room is
 * on screen, by me or by a live update from the relay, and only while the message is fresh (its
 * createdAt within LIVE_SOUND_MS of now). Messages read from this device, the relay's catch-up
 * after opening or reconnecting (its sync step 2), and messages that were posted offline long ago
 * and only now reach us stay silent.
 */
export const SOUNDS = ['bell', 'crickets', 'ding', 'drumroll', 'horn', 'pop', 'tada', 'trombone'] as const

export type SoundName = (typeof SOUNDS)[number]

/** A message older than this when it arrives is history, even on a live update (posted offline, say). */
export const LIVE_SOUND_MS = 30_000

const PLAY = /^\/play ([a-z]+)$/

const isSoundName = (name: string): name is SoundName => (SOUNDS as readonly string[]).includes(name)

/** The sound a message body asks for: exactly `/play <known name>` (surrounding spaces aside). */
export function soundIn(body: string): SoundName | undefined {
  const name = PLAY.exec(body.trim())?.[1]
  return name !== undefined && isSoundName(name) ? name : undefined
}

/**
 * The partial sound name when the whole text so far is `/play ` and a few letters ("/play ",
 * "/play ta"): the composer then suggests sounds instead of sending.
 */
export function soundQueryIn(text: string): string | undefined {
  return /^\/play ([a-z]*)$/.exec(text)?.[1]
}

/**
 * Sounds whose name starts with the query. A query that already is the one match needs no
 * suggestion, so "/play tada" closes the list and Enter sends it.
 */
export function suggestSounds(query: string): SoundName[] {
  const found = SOUNDS.filter((name) => name.startsWith(query))
  return found.length === 1 && found[0] === query ? [] : found
}

/** "/" (or the start of "/play") alone in the composer: the command worth hinting. */
export const startsPlayCommand = (text: string): boolean => text.length > 0 && '/play'.startsWith(text)

export const soundUrl = (name: SoundName) => `/sounds/${name}.wav`

/** Whether a message that was just added to the room doc should play its sound now. */
export function playsOnArrival(message: { body: string; createdAt: number }, arrivedLive: boolean, now = Date.now()): SoundName | undefined {
  if (!arrivedLive || now - message.createdAt > LIVE_SOUND_MS) return undefined
  return soundIn(message.body)
}
