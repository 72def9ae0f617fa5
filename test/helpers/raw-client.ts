/** A raw /sync socket for tests that speak the protocol byte by byte (bad input, echoes). */
import { WebSocket } from 'ws'
import { readMessage, type Message } from '../../shared/protocol/sync-messages.js'

export class RawClient {
  readonly messages: Message[] = []
  readonly frames: Uint8Array[] = []
  closeCode: number | undefined
  readonly closed: Promise<number>
  readonly ready: Promise<void>
  readonly socket: WebSocket

  /** `params`: the query string (the test door's `?user=` says who this socket is). */
  constructor(port: number, docName: string, options: { headers?: Record<string, string>; params?: Record<string, string> } = {}) {
    const query = options.params ? `?${new URLSearchParams(options.params)}` : ''
    this.socket = new WebSocket(`ws://127.0.0.1:${port}/sync/${docName}${query}`, { headers: options.headers })
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve())
      this.socket.once('error', reject)
    })
    this.closed = new Promise((resolve) => this.socket.on('close', (code) => resolve((this.closeCode = code))))
    this.socket.on('message', (data: Buffer) => {
      const frame = new Uint8Array(data)
      this.frames.push(frame)
      this.messages.push(readMessage(frame))
    })
  }

  send(frame: Uint8Array | string): void {
    this.socket.send(frame)
  }

  close(): void {
    this.socket.close()
  }
}
