/**
 * The multiplexed socket's framing (PROTOCOL.md, "Multiplexed messages"): every frame is
 * `varString(docName) • y-websocket message`, and the empty doc name carries relay messages.
 * Shared by the relay and the browser client.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MalformedMessage } from './sync-messages.js'

export const RelayMessageType = { open: 0, leave: 1, refused: 2, reset: 3, keepalive: 4 } as const

export type RelayMessage =
  | { kind: 'open'; docName: string }
  | { kind: 'leave'; docName: string }
  | { kind: 'refused'; docName: string; code: number; reason: string }
  | { kind: 'reset'; docName: string; reason: string }
  | { kind: 'keepalive' }

export type LiveFrame = { kind: 'doc'; docName: string; message: Uint8Array } | { kind: 'relay'; message: RelayMessage }

export function readLiveFrame(frame: Uint8Array): LiveFrame {
  if (frame.length === 0) throw new MalformedMessage('empty frame')
  try {
    const decoder = decoding.createDecoder(frame)
    const docName = decoding.readVarString(decoder)
    if (docName !== '') return { kind: 'doc', docName, message: decoding.readTailAsUint8Array(decoder) }
    const message = readRelayMessage(decoder)
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after relay message')
    return { kind: 'relay', message }
  } catch (error) {
    if (error instanceof MalformedMessage) throw error
    throw new MalformedMessage(`undecodable frame: ${(error as Error).message}`)
  }
}

function readRelayMessage(decoder: decoding.Decoder): RelayMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case RelayMessageType.open: return { kind: 'open', docName: decoding.readVarString(decoder) }
    case RelayMessageType.leave: return { kind: 'leave', docName: decoding.readVarString(decoder) }
    case RelayMessageType.refused: {
      const docName = decoding.readVarString(decoder)
      const code = decoding.readVarUint(decoder)
      return { kind: 'refused', docName, code, reason: decoding.readVarString(decoder) }
    }
    case RelayMessageType.reset: {
      const docName = decoding.readVarString(decoder)
      return { kind: 'reset', docName, reason: decoding.readVarString(decoder) }
    }
    case RelayMessageType.keepalive: return { kind: 'keepalive' }
    default: throw new MalformedMessage(`unknown relay message type ${type}`)
  }
}

/** Prefixes a y-websocket message with its doc's name. */
export function writeDocFrame(docName: string, message: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, docName)
  encoding.writeUint8Array(encoder, message)
  return encoding.toUint8Array(encoder)
}

export function writeRelayMessage(message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, '')
  encoding.writeVarUint(encoder, RelayMessageType[message.kind])
  switch (message.kind) {
    case 'open':
    case 'leave':
      encoding.writeVarString(encoder, message.docName)
      break
    case 'refused':
      encoding.writeVarString(encoder, message.docName)
      encoding.writeVarUint(encoder, message.code)
      encoding.writeVarString(encoder, message.reason)
      break
    case 'reset':
      encoding.writeVarString(encoder, message.docName)
      encoding.writeVarString(encoder, message.reason)
      break
    case 'keepalive':
      break
  }
  return encoding.toUint8Array(encoder)
}
