/**
 * y-websocket's message framing (y-protocols PROTOCOL.md), read and written without a Y.Doc.
 * y-protocols' own sync helpers apply updates to a doc; the relay never holds one, so it needs
 * the bytes only. Grammar: see PROTOCOL.md beside this file.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const
export const SyncType = { step1: 0, step2: 1, update: 2 } as const

export type Message =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'auth-denied'; reason: string }

export class MalformedMessage extends Error {}

/** Reads exactly one message; anything left over or missing is malformed. */
export function readMessage(frame: Uint8Array): Message {
  if (frame.length === 0) throw new MalformedMessage('empty frame')
  try {
    const decoder = decoding.createDecoder(frame)
    const message = readMessageBody(decoder)
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after message')
    return message
  } catch (error) {
    if (error instanceof MalformedMessage) throw error
    throw new MalformedMessage(`undecodable frame: ${(error as Error).message}`)
  }
}

function readMessageBody(decoder: decoding.Decoder): Message {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.sync: {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      switch (syncType) {
        case SyncType.step1: return { kind: 'sync-step1', stateVector: payload }
        case SyncType.step2: return { kind: 'sync-step2', update: payload }
        case SyncType.update: return { kind: 'sync-update', update: payload }
        default: throw new MalformedMessage(`unknown sync message type ${syncType}`)
      }
    }
    case MessageType.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
    case MessageType.queryAwareness:
      return { kind: 'query-awareness' }
    case MessageType.auth: {
      const authType = decoding.readVarUint(decoder)
      if (authType !== 0) throw new MalformedMessage(`unknown auth message type ${authType}`)
      return { kind: 'auth-denied', reason: decoding.readVarString(decoder) }
    }
    default:
      throw new MalformedMessage(`unknown message type ${type}`)
  }
}

function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const writeSyncStep1 = (stateVector: Uint8Array) => syncMessage(SyncType.step1, stateVector)
export const writeSyncStep2 = (update: Uint8Array) => syncMessage(SyncType.step2, update)
export const writeSyncUpdate = (update: Uint8Array) => syncMessage(SyncType.update, update)

export function writeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function writeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.queryAwareness)
  return encoding.toUint8Array(encoder)
}

/** y-protocols' auth message: a stock provider reports it through its permission-denied handler. */
export function writeAuthDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.auth)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}
