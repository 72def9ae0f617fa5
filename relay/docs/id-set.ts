/**
 * Sets of Yjs ids as sorted, merged clock ranges per client: what structs the relay holds, and what
 * it has seen deleted. The relay keeps these instead of a Y.Doc; they are a few bytes per client
 * (structs are almost always one range) and per deleted message.
 *
 * The byte encoding is exactly Yjs's v1 delete-set encoding, so `updateOfDeletes` can turn a set
 * into an update that carries only deletions.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export type Range = [clock: number, length: number]

export class IdSet {
  readonly clients = new Map<number, Range[]>()

  get isEmpty(): boolean {
    return this.clients.size === 0
  }

  add(client: number, clock: number, length: number): void {
    if (length <= 0) return
    const ranges = this.clients.get(client)
    if (!ranges) {
      this.clients.set(client, [[clock, length]])
      return
    }
    const last = ranges[ranges.length - 1]!
    // The common case: appending right after (or overlapping) the last range.
    if (clock >= last[0]) {
      if (clock <= last[0] + last[1]) {
        last[1] = Math.max(last[1], clock + length - last[0])
        return
      }
      ranges.push([clock, length])
      return
    }
    ranges.push([clock, length])
    normalize(ranges)
  }

  addSet(other: IdSet): void {
    for (const [client, ranges] of other.clients) for (const [clock, length] of ranges) this.add(client, clock, length)
  }

  /** The ids of `this` that `known` does not contain. */
  minus(known: IdSet): IdSet {
    const result = new IdSet()
    for (const [client, ranges] of this.clients) {
      const have = known.clients.get(client)
      for (const [clock, length] of ranges) {
        if (!have) {
          result.add(client, clock, length)
          continue
        }
        let start = clock
        const end = clock + length
        for (const [hClock, hLength] of have) {
          const hEnd = hClock + hLength
          if (hEnd <= start) continue
          if (hClock >= end) break
          if (hClock > start) result.add(client, start, hClock - start)
          start = Math.max(start, hEnd)
          if (start >= end) break
        }
        if (start < end) result.add(client, start, end - start)
      }
    }
    return result
  }

  /** For each client, the end of the range that starts at clock 0: a Yjs state vector. */
  stateVector(): Map<number, number> {
    const sv = new Map<number, number>()
    for (const [client, ranges] of this.clients) {
      const first = ranges[0]!
      if (first[0] === 0) sv.set(client, first[1])
    }
    return sv
  }

  /** Lowest and highest clock per client, for quick "does the peer have all of this" checks. */
  bounds(): Map<number, [from: number, to: number]> {
    const result = new Map<number, [number, number]>()
    for (const [client, ranges] of this.clients) {
      const last = ranges[ranges.length - 1]!
      result.set(client, [ranges[0]![0], last[0] + last[1]])
    }
    return result
  }

  *entries(): Generator<[client: number, clock: number, length: number]> {
    for (const [client, ranges] of this.clients) for (const [clock, length] of ranges) yield [client, clock, length]
  }

  encode(encoder: encoding.Encoder): void {
    const clients = [...this.clients.entries()].sort((a, b) => b[0] - a[0])
    encoding.writeVarUint(encoder, clients.length)
    for (const [client, ranges] of clients) {
      encoding.writeVarUint(encoder, client)
      encoding.writeVarUint(encoder, ranges.length)
      for (const [clock, length] of ranges) {
        encoding.writeVarUint(encoder, clock)
        encoding.writeVarUint(encoder, length)
      }
    }
  }

  static decode(decoder: decoding.Decoder): IdSet {
    const set = new IdSet()
    const clients = decoding.readVarUint(decoder)
    for (let i = 0; i < clients; i++) {
      const client = decoding.readVarUint(decoder)
      const count = decoding.readVarUint(decoder)
      for (let j = 0; j < count; j++) {
        const clock = decoding.readVarUint(decoder)
        set.add(client, clock, decoding.readVarUint(decoder))
      }
    }
    return set
  }
}

function normalize(ranges: Range[]): void {
  ranges.sort((a, b) => a[0] - b[0])
  let write = 0
  for (let read = 1; read < ranges.length; read++) {
    const current = ranges[write]!
    const next = ranges[read]!
    if (next[0] <= current[0] + current[1]) {
      current[1] = Math.max(current[1], next[0] + next[1] - current[0])
    } else {
      ranges[++write] = next
    }
  }
  ranges.length = write + 1
}

/** A v1 update with no structs that carries exactly these deletions. */
export function updateOfDeletes(deletes: IdSet): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  deletes.encode(encoder)
  return encoding.toUint8Array(encoder)
}
