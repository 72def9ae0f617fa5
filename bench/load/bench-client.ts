/**
 * A y-websocket peer with no Y.Doc: it speaks exactly what a stock WebsocketProvider speaks
 * (step 1 on open, step 2 to the server's step 1, awareness), and hands every update payload to
 * the scenario. Thousands fit in one process.
 */
import WebSocket from 'ws'
import { readMessage, writeAwareness, writeSyncStep1, writeSyncStep2, writeSyncUpdate } from '../../shared/protocol/sync-messages.js'
import { writeAwarenessUpdate } from '../../shared/protocol/awareness-update.js'
import { scanMarkers } from './markers.js'

export const EMPTY_STATE_VECTOR = new Uint8Array([0])
export const EMPTY_UPDATE = new Uint8Array([0, 0])

export interface ClientOptions {
  url: string
  headers?: Record<string, string>
  /** A loopback source address (127.x.y.z): each holds its own range of ephemeral ports. */
  localAddress?: string
  /** What the client says it holds in its step 1; empty by default. */
  stateVector?: Uint8Array
  /** The client's answer to the server's step 1: by default it has nothing the server lacks. */
  answerStep1?: (stateVector: Uint8Array) => Uint8Array
  /** Announced once synced, as a stock provider announces its local state. */
  awareness?: { clientId: number; state: unknown }
  /** Every update payload received (sync update and step 2). */
  onUpdate?: (update: Uint8Array) => void
}

export class BenchClient {
  readonly socket: WebSocket
  readonly synced: Promise<void>
  readonly closed: Promise<void>
  updateFrames = 0
  updateBytes = 0

  constructor(private readonly options: ClientOptions) {
    this.socket = new WebSocket(options.url, {
      headers: options.headers,
      localAddress: options.localAddress,
      perMessageDeflate: false,
    })
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()))
    this.synced = new Promise((resolve, reject) => {
      this.socket.once('open', () => {
        this.socket.send(writeSyncStep1(options.stateVector ?? EMPTY_STATE_VECTOR))
        if (options.awareness) this.announce(options.awareness.clientId, options.awareness.state)
      })
      this.socket.on('message', (data: Buffer) => {
        const message = readMessage(data)
        switch (message.kind) {
          case 'sync-step1':
            this.socket.send(writeSyncStep2(options.answerStep1?.(message.stateVector) ?? EMPTY_UPDATE))
            break
          case 'sync-step2':
            this.received(message.update)
            resolve()
            break
          case 'sync-update':
            this.received(message.update)
            break
          case 'auth-denied':
            reject(new Error(`write refused: ${message.reason}`))
            break
          default:
            break
        }
      })
      this.socket.once('error', reject)
      this.socket.once('close', (code, reason) => reject(new Error(`closed before sync: ${code} ${reason.toString()}`)))
    })
    // A rejection nobody awaits (a socket closed after its scenario moved on) must not end the process.
    this.synced.catch(() => {})
  }

  /** Resolves once `bytes` of update payload have arrived, however many frames and syncs that took. */
  async untilReceived(bytes: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs
    while (this.updateBytes < bytes) {
      if (performance.now() > deadline) throw new Error(`received ${this.updateBytes} of ${bytes} bytes within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  /** Resolves once the server sends back the message marked `writer`:`seq` (see markers.ts). */
  echoOf(writer: number, seq: number): Promise<void> {
    return new Promise((resolve) => {
      const look = (frame: Buffer) => {
        for (const found of scanMarkers(frame)) {
          if (found.writer !== writer || found.seq !== seq) continue
          this.socket.off('message', look)
          resolve()
          return
        }
      }
      this.socket.on('message', look)
    })
  }

  sendUpdate(update: Uint8Array): void {
    this.socket.send(writeSyncUpdate(update))
  }

  announce(clientId: number, state: unknown): void {
    this.socket.send(writeAwareness(writeAwarenessUpdate([{ clientId, clock: 1, stateJson: JSON.stringify(state) }])))
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve()
    this.socket.close()
    return this.closed
  }

  private received(update: Uint8Array): void {
    this.updateFrames++
    this.updateBytes += update.length
    this.options.onUpdate?.(update)
  }
}

/** Resolves `promise`, or rejects once `ms` have passed: every wait in the benchmark is bounded. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms) }),
  ])
}
