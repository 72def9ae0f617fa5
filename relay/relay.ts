/**
 * The relay: one HTTP server, one storage, the loaded docs. Built explicitly from its parts (no
 * module-level state), so a test can start several on port 0 and a CLI can open the same storage.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { CloseCode } from '../shared/protocol/close-codes.js'
import { writeAuthDenied, writeAwareness } from '../shared/protocol/sync-messages.js'
import { writeRelayMessage } from '../shared/protocol/live-messages.js'
import { writeAwarenessUpdate } from '../shared/protocol/awareness-update.js'
import { Compactor, type CompactionThresholds } from './compaction/compactor.js'
import { CommitQueue } from './docs/commit-queue.js'
import { DocRegistry } from './docs/doc-registry.js'
import type { RelayDoc } from './docs/relay-doc.js'
import { allowAllWrites, type WriteAuthorizer } from './docs/write-authorizer.js'
import { openDoor, type Door, type Principal } from './door.js'
import { consoleLog, type Log } from './log.js'
import { DocSession } from './session/doc-session.js'
import { LiveSession } from './session/live-session.js'
import type { Storage } from './storage/storage.js'
import { Connection } from './transport/connection.js'
import { refuseUpgrade, resolveUpgrade } from './transport/upgrade.js'

/** A frame larger than this closes the connection with 1009. A 20,000-message room is ~3 MB. */
export const MAX_FRAME_BYTES = 32 * 1024 * 1024
/** Pings detect dead sockets; a connection that sent nothing for this long gets a keepalive. */
export const KEEPALIVE_INTERVAL_MS = 10_000

/** How long shutdown waits for peers to acknowledge the 1001 close before cutting them off. */
export const SHUTDOWN_GRACE_MS = 1000

/** An empty awareness update: harmless to every stock client, and it resets their silence timers. */
const SYNC_KEEPALIVE = writeAwareness(writeAwarenessUpdate([]))
const LIVE_KEEPALIVE = writeRelayMessage({ kind: 'keepalive' })

export type HttpHandler = (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>

export interface RelayOptions {
  storage: Storage
  port?: number
  host?: string
  door?: Door
  authorizer?: WriteAuthorizer
  compaction?: CompactionThresholds
  maxFrameBytes?: number
  keepaliveMs?: number
  /** Extra HTTP routes (API, static client); each returns true when it answered. */
  http?: HttpHandler[]
  log?: Log
}

export class Relay {
  readonly docs: DocRegistry
  readonly commits: CommitQueue
  readonly compactor: Compactor
  readonly connections = new Set<Connection>()
  readonly door: Door
  /** Refused writes per reason, for the operator. */
  readonly refusals = new Map<string, number>()
  private readonly server: Server
  private readonly wss: WebSocketServer
  private readonly log: Log
  private readonly keepalive: NodeJS.Timeout
  private readonly sessionsByConnection = new Map<Connection, () => Iterable<DocSession>>()
  private stopping: Promise<void> | undefined

  private constructor(private readonly options: RelayOptions) {
    this.log = options.log ?? consoleLog
    this.door = options.door ?? openDoor
    this.commits = new CommitQueue(options.storage)
    this.compactor = new Compactor(options.storage, options.compaction, this.log.warn)
    const authorizer = options.authorizer ?? allowAllWrites
    this.docs = new DocRegistry(options.storage, {
      commits: this.commits,
      authorizer,
      grew: (doc) => this.compactor.compactLater(doc),
      idle: (doc) => this.docs.unload(doc),
      failed: (doc, error) => this.commitFailed(doc, error),
      refused: (doc, peer, refusal) => {
        this.refusals.set(refusal.reason, (this.refusals.get(refusal.reason) ?? 0) + 1)
        this.log.warn(`refused a write by ${peer.principal.userId} to ${doc.name}: ${refusal.reason}`)
        peer.writeRefused(`${refusal.reason}: ${refusal.detail}`)
      },
    })
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? MAX_FRAME_BYTES, perMessageDeflate: false })
    this.server = createServer((request, response) => void this.serveHttp(request, response))
    this.server.on('upgrade', (request, socket, head) => {
      const target = resolveUpgrade(request, this.door)
      if ('status' in target) return refuseUpgrade(socket, target.status, target.reason)
      this.wss.handleUpgrade(request, socket, head, (ws) => {
        if (target.endpoint === 'sync') this.acceptSync(ws, target.principal, target.docName)
        else this.acceptLive(ws, target.principal)
      })
    })
    this.keepalive = setInterval(() => this.sweep(), options.keepaliveMs ?? KEEPALIVE_INTERVAL_MS)
    this.keepalive.unref()
  }

  static async start(options: RelayOptions): Promise<Relay> {
    const relay = new Relay(options)
    await new Promise<void>((resolve, reject) => {
      relay.server.once('error', reject)
      relay.server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
    })
    return relay
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** Ends every session of a doc held by connections for which `which` is true (e.g. a revoked member). */
  closeSessions(which: (session: DocSession) => boolean, code: number, reason: string): number {
    let closed = 0
    for (const sessions of this.sessionsByConnection.values()) {
      for (const session of [...sessions()]) {
        if (which(session)) {
          session.close(code, reason)
          closed++
        }
      }
    }
    return closed
  }

  /**
   * Removes a doc and its segments from storage for good (a deleted room). False while any of them
   * is still loaded: its sessions must close and the doc unload first, or its next commit would
   * bring it back.
   */
  eraseStored(doc: string): boolean {
    if ([...this.docs.all()].some((loaded) => loaded.name === doc || loaded.name.startsWith(`${doc}:`))) return false
    this.options.storage.erase(doc)
    return true
  }

  /** Stops accepting, commits what is pending, closes sockets with 1001, closes storage. */
  close(): Promise<void> {
    this.stopping ??= this.shutdown()
    return this.stopping
  }

  private async shutdown(): Promise<void> {
    clearInterval(this.keepalive)
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.commits.flush()
    for (const connection of this.connections) connection.close(CloseCode.goingAway, 'relay shutting down')
    this.server.closeAllConnections()
    await this.compactor.close()
    this.commits.flush()
    // Peers get a moment to answer the close handshake; one that does not is cut off.
    const sockets = [...this.wss.clients]
    const handshakes = Promise.all(sockets.map((ws) => new Promise((resolve) => (ws.readyState === ws.CLOSED ? resolve(null) : ws.once('close', resolve)))))
    await Promise.race([handshakes, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())])
    for (const ws of sockets) ws.terminate()
    this.wss.close()
    await closed
    this.options.storage.close()
  }

  private async serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      for (const handler of this.options.http ?? []) if (await handler(request, response)) return
      if (request.url === '/healthz') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }))
        return
      }
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_found', message: 'No such page' }))
    } catch (error) {
      this.log.error(`HTTP ${request.method} ${request.url?.split('?')[0]} failed: ${(error as Error).stack}`)
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: 'internal', message: 'Something went wrong' }))
    }
  }

  private track(ws: WebSocket, keepalive: Uint8Array): Connection {
    const connection = new Connection(ws, keepalive)
    this.connections.add(connection)
    ws.on('close', () => {
      this.connections.delete(connection)
      this.sessionsByConnection.delete(connection)
    })
    return connection
  }

  private acceptSync(ws: WebSocket, principal: Principal, docName: string): void {
    const connection = this.track(ws, SYNC_KEEPALIVE)
    const session = new DocSession(principal, docName, {
      send: (message) => connection.send(message),
      close: (code, reason) => connection.close(code, reason),
      writeRefused: (reason) => connection.send(writeAuthDenied(reason)),
    }, this.log)
    this.sessionsByConnection.set(connection, () => [session])
    connection.attach({ frame: (data) => session.handle(data), closed: () => session.leave() })
    this.docs.open(docName).then(
      (doc) => session.opened(doc),
      (error: Error) => {
        this.log.error(`loading ${docName} failed: ${error.message}`)
        connection.close(CloseCode.goingAway, 'could not load the document')
      },
    )
  }

  private acceptLive(ws: WebSocket, principal: Principal): void {
    const connection = this.track(ws, LIVE_KEEPALIVE)
    const live = new LiveSession(principal, connection, this.door, this.docs, this.log)
    this.sessionsByConnection.set(connection, () => live.sessions.values())
    connection.attach({ frame: (data) => live.frame(data), closed: () => live.closed() })
  }

  private sweep(): void {
    const quietSince = Date.now() - (this.options.keepaliveMs ?? KEEPALIVE_INTERVAL_MS)
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.terminate()
        this.connections.delete(connection)
        continue
      }
      connection.ping()
      if (connection.lastSentAt <= quietSince) connection.send(connection.keepalive)
    }
  }

  /** The database refused a commit: nothing was echoed, so drop the doc's in-memory state and its peers. */
  private commitFailed(doc: RelayDoc, error: Error): void {
    this.log.error(`commit to ${doc.name} failed: ${error.message}`)
    for (const peer of [...doc.peers]) peer.close(CloseCode.goingAway, 'storage failure')
    this.docs.unload(doc)
  }
}
