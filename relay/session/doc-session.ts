/**
 * One connection's session of one doc: reads y-websocket messages and dispatches them to the doc.
 * Frames that arrive while the doc is still loading wait in order. Anything malformed closes the
 * session with 4400; the doc and every other peer are untouched.
 */
import { readAwarenessUpdate } from '../../shared/protocol/awareness-update.js'
import { CloseCode } from '../../shared/protocol/close-codes.js'
import { MalformedMessage, readMessage, writeAwareness } from '../../shared/protocol/sync-messages.js'
import type { Principal } from '../door.js'
import type { Peer } from '../docs/peer.js'
import type { RelayDoc } from '../docs/relay-doc.js'
import { MalformedUpdate } from '../docs/update-facts.js'

export interface SessionLog {
  warn(message: string): void
}

/** Where a session's messages go: the socket itself on /sync, a doc-prefixed channel on /live. */
export interface SessionOutput {
  send(message: Uint8Array): void
  close(code: number, reason: string): void
  writeRefused(reason: string): void
}

export class DocSession implements Peer {
  private doc: RelayDoc | undefined
  private queued: Uint8Array[] | undefined = []
  private ended = false

  constructor(
    readonly principal: Principal,
    readonly docName: string,
    private readonly output: SessionOutput,
    private readonly log: SessionLog,
  ) {}

  /** The doc finished loading: join it and replay what arrived meanwhile. */
  opened(doc: RelayDoc): void {
    if (this.ended) return
    this.doc = doc
    doc.join(this)
    const queued = this.queued ?? []
    this.queued = undefined
    for (const frame of queued) this.handle(frame)
  }

  handle(frame: Uint8Array): void {
    if (this.ended) return
    if (!this.doc) {
      this.queued!.push(frame)
      return
    }
    try {
      this.dispatch(this.doc, frame)
    } catch (error) {
      if (error instanceof MalformedMessage || error instanceof MalformedUpdate) {
        this.log.warn(`closing ${this.principal.userId} on ${this.docName}: ${error.message}`)
        this.close(CloseCode.malformed, error.message)
      } else {
        throw error
      }
    }
  }

  private dispatch(doc: RelayDoc, frame: Uint8Array): void {
    const message = readMessage(frame)
    switch (message.kind) {
      case 'sync-step1':
        for (const answer of doc.answerStep1(message.stateVector)) this.send(answer)
        return
      case 'sync-step2':
      case 'sync-update':
        doc.receive(this, message.update)
        return
      case 'awareness':
        doc.receiveAwareness(this, readAwarenessUpdate(message.update))
        return
      case 'query-awareness': {
        const presence = doc.awareness.current()
        if (presence) this.send(writeAwareness(presence))
        return
      }
      case 'auth-denied':
        this.log.warn(`ignoring an auth message from ${this.principal.userId} on ${this.docName}: clients do not send them`)
        return
    }
  }

  send(message: Uint8Array): void {
    if (!this.ended) this.output.send(message)
  }

  writeRefused(reason: string): void {
    if (!this.ended) this.output.writeRefused(reason)
  }

  close(code: number, reason: string): void {
    if (this.ended) return
    this.output.close(code, reason)
    this.leave()
  }

  /** The connection is gone (or the doc was closed for it). */
  leave(): void {
    if (this.ended) return
    this.ended = true
    this.queued = undefined
    this.doc?.leave(this)
  }
}
