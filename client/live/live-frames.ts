/**
 * Framing on the multiplexed socket `/live` (PROTOCOL.md, "Multiplexed messages"): every frame is
 * `varString(docName) • y-websocket message`, or `varString("") • relay message`. Symmetric
 * write/read pairs over lib0 encoders, like y-protocols' own modules.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const RelayMessageType = { open: 0, leave: 1, refused: 2, reset: 3, keepalive: 4 } as const

export type LiveFrame =
  | { kind: 'doc'; docName: string; message: Uint8Array }
  | { kind: 'open'; docName: string }
  | { kind: 'leave'; docName: string }
  | { kind: 'refused'; docName: string; code: number; reason: string }
  | { kind: 'reset'; docName: string; reason: string }
  | { kind: 'keepalive' }

export class MalformedFrame extends Error {}

/** Prefixes a y-websocket message (as y-protocols writes it) with its doc's name. */
export function writeDocFrame(docName: string, message: Uint8Array): Uint8Array {
  if (docName === '') throw new Error('a doc needs a name')
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, docName)
  encoding.writeUint8Array(encoder, message)
  return encoding.toUint8Array(encoder)
}

function relayFrame(type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, '')
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const writeOpen = (docName: string) => relayFrame(RelayMessageType.open, (e) => encoding.writeVarString(e, docName))
export const writeLeave = (docName: string) => relayFrame(RelayMessageType.leave, (e) => encoding.writeVarString(e, docName))
export const writeKeepalive = () => relayFrame(RelayMessageType.keepalive)
export const writeRefused = (docName: string, code: number, reason: string) =>
  relayFrame(RelayMessageType.refused, (e) => {
    encoding.writeVarString(e, docName)
    encoding.writeVarUint(e, code)
    encoding.writeVarString(e, reason)
  })
export const writeReset = (docName: string, reason: string) =>
  relayFrame(RelayMessageType.reset, (e) => {
    encoding.writeVarString(e, docName)
    encoding.writeVarString(e, reason)
  })

/** Reads one frame. A doc frame's message is returned as bytes, to be read by y-protocols. */
export function readLiveFrame(frame: Uint8Array): LiveFrame {
  try {
    const decoder = decoding.createDecoder(frame)
    const docName = decoding.readVarString(decoder)
    if (docName !== '') {
      const message = decoding.readTailAsUint8Array(decoder)
      if (message.length === 0) throw new MalformedFrame(`empty message for ${docName}`)
      return { kind: 'doc', docName, message }
    }
    const frameOut = readRelayMessage(decoder)
    if (decoding.hasContent(decoder)) throw new MalformedFrame('trailing bytes after relay message')
    return frameOut
  } catch (error) {
    if (error instanceof MalformedFrame) throw error
    throw new MalformedFrame(`undecodable frame: ${(error as Error).message}`)
  }
}

function readRelayMessage(decoder: decoding.Decoder): LiveFrame {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case RelayMessageType.open: return { kind: 'open', docName: decoding.readVarString(decoder) }
    case RelayMessageType.leave: return { kind: 'leave', docName: decoding.readVarString(decoder) }
    case RelayMessageType.refused: return {
      kind: 'refused',
      docName: decoding.readVarString(decoder),
      code: decoding.readVarUint(decoder),
      reason: decoding.readVarString(decoder),
    }
    case RelayMessageType.reset: return { kind: 'reset', docName: decoding.readVarString(decoder), reason: decoding.readVarString(decoder) }
    case RelayMessageType.keepalive: return { kind: 'keepalive' }
    default: throw new MalformedFrame(`unknown relay message type ${type}`)
  }
}
