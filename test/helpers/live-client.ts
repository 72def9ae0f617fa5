/**
 * A minimal multiplexed (/live) client for tests: one socket, many Y.Docs, y-protocols on each.
 * The browser app has its own; this one exists so relay tests need no browser.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { readLiveFrame, writeDocFrame, writeRelayMessage, type RelayMessage } from '../../shared/protocol/live-messages.js'

export class LiveTestClient {
  readonly docs = new Map<string, Y.Doc>()
  readonly synced = new Set<string>()
  readonly relayMessages: RelayMessage[] = []
  closeCode: number | undefined
  private readonly socket: WebSocket
  readonly ready: Promise<void>

  constructor(port: number, headers: Record<string, string> = {}, query = '') {
    this.socket = new WebSocket(`ws://127.0.0.1:${port}/live${query}`, { headers })
    this.socket.binaryType = 'nodebuffer'
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve())
      this.socket.once('error', reject)
    })
    this.socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data)))
    this.socket.on('close', (code) => (this.closeCode = code))
  }

  open(docName: string, doc = new Y.Doc()): Y.Doc {
    this.docs.set(docName, doc)
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeUpdate(encoder, update)
      this.sendDoc(docName, encoding.toUint8Array(encoder))
    })
    this.sendRaw(writeRelayMessage({ kind: 'open', docName }))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep1(encoder, doc)
    this.sendDoc(docName, encoding.toUint8Array(encoder))
    return doc
  }

  leave(docName: string): void {
    this.sendRaw(writeRelayMessage({ kind: 'leave', docName }))
  }

  sendDoc(docName: string, message: Uint8Array): void {
    this.sendRaw(writeDocFrame(docName, message))
  }

  sendRaw(frame: Uint8Array | string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame)
  }

  close(): void {
    this.socket.close()
  }

  private receive(frame: Uint8Array): void {
    const parsed = readLiveFrame(frame)
    if (parsed.kind === 'relay') {
      this.relayMessages.push(parsed.message)
      return
    }
    const doc = this.docs.get(parsed.docName)
    if (!doc) return
    const decoder = decoding.createDecoder(parsed.message)
    const type = decoding.readVarUint(decoder)
    if (type === 0) {
      const encoder = encoding.createEncoder()
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, this)
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced.add(parsed.docName)
      if (encoding.length(encoder) > 0) {
        const reply = encoding.createEncoder()
        encoding.writeVarUint(reply, 0)
        encoding.writeUint8Array(reply, encoding.toUint8Array(encoder))
        this.sendDoc(parsed.docName, encoding.toUint8Array(reply))
      }
    } else if (type === 1) {
      // Presence is not needed by these tests; decoding it proves the frame is well formed.
      const awareness = new awarenessProtocol.Awareness(new Y.Doc())
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), this)
      awareness.destroy()
    }
  }
}
