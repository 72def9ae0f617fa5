/**
 * The multiplexed socket: one per browser tab, carrying every doc its user has open. Each doc is
 * opened explicitly and checked at the door like a /sync upgrade; a refusal or a revoked doc ends
 * that doc only, while a malformed frame closes the socket (PROTOCOL.md).
 */
import { CloseCode } from '../../shared/protocol/close-codes.js'
import { readLiveFrame, writeDocFrame, writeRelayMessage, type RelayMessage } from '../../shared/protocol/live-messages.js'
import { MalformedMessage } from '../../shared/protocol/sync-messages.js'
import { isRefusal, type Door, type Principal } from '../door.js'
import type { DocRegistry } from '../docs/doc-registry.js'
import type { Connection } from '../transport/connection.js'
import { validDocName } from '../transport/upgrade.js'
import { DocSession, type SessionLog } from './doc-session.js'

/** Enough for a user in many rooms; a bound so one socket cannot load the whole database. */
export const MAX_DOCS_PER_SOCKET = 2000

export class LiveSession {
  readonly sessions = new Map<string, DocSession>()

  constructor(
    readonly principal: Principal,
    private readonly connection: Connection,
    private readonly door: Door,
    private readonly docs: DocRegistry,
    private readonly log: SessionLog,
  ) {}

  frame(data: Uint8Array): void {
    try {
      const frame = readLiveFrame(data)
      if (frame.kind === 'relay') return this.relayMessage(frame.message)
      const session = this.sessions.get(frame.docName)
      // A doc the relay just closed may still receive a few frames the client sent before it knew.
      if (!session) return this.log.warn(`ignoring a frame for ${frame.docName}, which ${this.principal.userId} has not open`)
      session.handle(frame.message)
    } catch (error) {
      if (!(error instanceof MalformedMessage)) throw error
      this.log.warn(`closing the live socket of ${this.principal.userId}: ${error.message}`)
      this.connection.close(CloseCode.malformed, error.message)
    }
  }

  closed(): void {
    for (const session of this.sessions.values()) session.leave()
    this.sessions.clear()
  }

  private relayMessage(message: RelayMessage): void {
    switch (message.kind) {
      case 'open': return this.open(message.docName)
      case 'leave': {
        this.sessions.get(message.docName)?.leave()
        this.sessions.delete(message.docName)
        return
      }
      default:
        throw new MalformedMessage(`a client may not send ${message.kind}`)
    }
  }

  private open(docName: string): void {
    if (this.sessions.has(docName)) return
    if (!validDocName(docName)) return this.refuse(docName, CloseCode.malformed, 'bad doc name')
    if (this.sessions.size >= MAX_DOCS_PER_SOCKET) return this.refuse(docName, CloseCode.forbidden, 'too many open docs')
    const allowed = this.door.mayOpen(this.principal, docName)
    if (isRefusal(allowed)) return this.refuse(docName, CloseCode.forbidden, allowed.reason)
    const session = new DocSession(this.principal, docName, {
      send: (message) => this.connection.send(writeDocFrame(docName, message)),
      close: (code, reason) => {
        this.sessions.delete(docName)
        // Signed out or deactivated: nothing on this socket may continue.
        if (code === CloseCode.unauthorized) this.connection.close(code, reason)
        else this.refuse(docName, code, reason)
      },
      writeRefused: (reason) => this.connection.send(writeRelayMessage({ kind: 'reset', docName, reason })),
    }, this.log)
    this.sessions.set(docName, session)
    this.docs.open(docName).then(
      (doc) => session.opened(doc),
      (error: Error) => {
        this.log.warn(`loading ${docName} failed: ${error.message}`)
        session.close(CloseCode.goingAway, 'could not load the document')
      },
    )
  }

  private refuse(docName: string, code: number, reason: string): void {
    this.connection.send(writeRelayMessage({ kind: 'refused', docName, code, reason }))
  }
}
