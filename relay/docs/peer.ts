import type { Principal } from '../door.js'

/** One connection's membership in one doc: what a doc needs to talk back. */
export interface Peer {
  readonly principal: Principal
  /** Sends one y-websocket message for this doc. */
  send(message: Uint8Array): void
  /** Ends this peer's session of the doc (on the stock protocol: the socket). */
  close(code: number, reason: string): void
  /** A write from this peer was refused: tell it which doc and why, so it can start afresh. */
  writeRefused(reason: string): void
}
