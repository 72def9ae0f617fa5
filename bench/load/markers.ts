/**
 * Each benchmark message carries a marker in its body: `~m<writer>:<seq>:<sentMicros>~`. Both
 * servers forward the body's UTF-8 bytes untouched (Hearth relays the update as received; the
 * reference re-encodes it from its Y.Doc), so a receiver finds markers by scanning the frame, with
 * no Y.Doc and no decoding: the load generator stays cheap and never becomes the bottleneck.
 */

const OPEN = Buffer.from('~m')
const CLOSE = 0x7e // '~'

export interface Marker {
  writer: number
  seq: number
  sentMicros: number
}

/** Wall-clock microseconds, comparable across the benchmark's processes. */
export const nowMicros = (): number => Math.round((performance.timeOrigin + performance.now()) * 1000)

export const marker = (writer: number, seq: number, sentMicros = nowMicros()): string => `~m${writer}:${seq}:${sentMicros}~`

export function* scanMarkers(frame: Uint8Array): Generator<Marker> {
  const bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength)
  let at = bytes.indexOf(OPEN)
  while (at >= 0) {
    const end = bytes.indexOf(CLOSE, at + 2)
    if (end < 0) return
    const [writer, seq, sent] = bytes.toString('latin1', at + 2, end).split(':')
    if (sent !== undefined) yield { writer: Number(writer), seq: Number(seq), sentMicros: Number(sent) }
    at = bytes.indexOf(OPEN, end + 1)
  }
}
