/**
 * One WebSocket as the relay sees it: binary frames in (copied, so a decoder can never read into
 * a neighbouring buffer), bytes out, liveness for the keepalive sweep. Sessions never touch `ws`.
 */
import type { WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/close-codes.js'

/** Close reasons are limited to 123 bytes by the WebSocket protocol. */
const MAX_REASON_BYTES = 123

export interface FrameHandler {
  frame(data: Uint8Array): void
  closed(): void
}

export class Connection {
  lastSentAt = Date.now()
  /** Set on every pong; the keepalive sweep terminates a connection that stayed silent. */
  alive = true
  private handler: FrameHandler | undefined
  private isClosed = false

  /** `keepalive`: a harmless message for this endpoint, sent when the connection has been quiet. */
  constructor(private readonly socket: WebSocket, readonly keepalive: Uint8Array) {
    socket.on('message', (data, isBinary) => {
      if (this.isClosed) return
      if (!isBinary) return this.close(CloseCode.unsupportedData, 'text frames are not part of the protocol')
      this.handler?.frame(new Uint8Array(toBuffer(data)))
    })
    socket.on('pong', () => (this.alive = true))
    socket.on('close', () => this.ended())
    socket.on('error', () => this.ended())
  }

  attach(handler: FrameHandler): void {
    this.handler = handler
  }

  get open(): boolean {
    return !this.isClosed && this.socket.readyState === this.socket.OPEN
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount
  }

  send(message: Uint8Array): void {
    if (!this.open) return
    this.lastSentAt = Date.now()
    this.socket.send(message, { binary: true })
  }

  ping(): void {
    if (!this.open) return
    this.alive = false
    this.socket.ping()
  }

  close(code: number, reason: string): void {
    if (this.isClosed) return
    this.socket.close(code, truncate(reason))
    this.ended()
  }

  /** A dead peer gets no close handshake. */
  terminate(): void {
    this.socket.terminate()
    this.ended()
  }

  private ended(): void {
    if (this.isClosed) return
    this.isClosed = true
    this.handler?.closed()
  }
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer | ArrayBuffer {
  return Array.isArray(data) ? Buffer.concat(data) : data
}

function truncate(reason: string): string {
  let result = reason
  while (Buffer.byteLength(result) > MAX_REASON_BYTES) result = result.slice(0, -1)
  return result
}
