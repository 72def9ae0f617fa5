/**
 * Awareness updates as bytes: `varUint(n) • n × (varUint(clientID) • varUint(clock) • varString(stateJSON))`.
 * The relay relays and filters these without an Awareness instance; a state of "null" is a removal.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MalformedMessage } from './sync-messages.js'

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The state as the JSON text the client sent; "null" removes the client. */
  stateJson: string
}

/** A generous bound: no legitimate client announces more than a handful of ids. */
export const MAX_AWARENESS_ENTRIES = 256

export function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    if (count > MAX_AWARENESS_ENTRIES) throw new MalformedMessage(`awareness update with ${count} entries`)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const stateJson = decoding.readVarString(decoder)
      entries.push({ clientId, clock, stateJson })
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after awareness update')
    return entries
  } catch (error) {
    if (error instanceof MalformedMessage) throw error
    throw new MalformedMessage(`undecodable awareness update: ${(error as Error).message}`)
  }
}

export function writeAwarenessUpdate(entries: Iterable<AwarenessEntry>): Uint8Array {
  const list = [...entries]
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, list.length)
  for (const { clientId, clock, stateJson } of list) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, stateJson)
  }
  return encoding.toUint8Array(encoder)
}
