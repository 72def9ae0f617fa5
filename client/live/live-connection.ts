/**
 * The tab's one WebSocket to `/live`, carrying every doc the user has (account, user:<id>, each
 * room). Docs are read from IndexedDB before they are synced, so the app works with no network;
 * once the relay opens a doc (its sync step 1), we answer with what it lacks and keep streaming.
 * Reconnects back off with jitter; 4401/4403 on the socket end the session (sign in again).
 */
import * as decoding from 'lib0/decoding'
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { FINAL_CLOSE_CODES } from '../../shared/protocol/close-codes.js'
import { readLiveFrame, writeDocFrame, writeRelayMessage, type RelayMessage } from '../../shared/protocol/live-messages.js'
import { MalformedMessage, MessageType, SyncType, writeAwareness, writeSyncStep1, writeSyncStep2, writeSyncUpdate } from '../../shared/protocol/sync-messages.js'
import { reconnectDelay } from './backoff.js'
import { LiveDoc } from './live-doc.js'

const writeOpen = (docName: string) => writeRelayMessage({ kind: 'open', docName })
const writeLeave = (docName: string) => writeRelayMessage({ kind: 'leave', docName })

export type ConnectionState = 'connecting' | 'connected' | 'offline' | 'signed-out'

/** The relay speaks at least every 20 s (PROTOCOL.md); silence this long means a dead socket. */
export const SILENCE_LIMIT_MS = 45_000

export interface LiveOptions {
  url: string
  /** Keep docs in IndexedDB (false in tests that want a fresh tab). */
  persist?: boolean
  /** Asked after a socket that never opened: is the session still good? (A refused upgrade has no close code.) */
  stillSignedIn?: () => Promise<boolean>
  /** The WebSocket class (Node tests bring `ws`'s; browsers have their own). */
  WebSocket?: typeof WebSocket
}

const OPEN = 1

/** Marks updates that came from the relay, so they are not sent back. */
const FROM_RELAY = Symbol('from-relay')
/** Marks the relay's sync step 2: what we missed while away is history, not news (a `/play` in it stays silent). */
export const CATCHING_UP = Symbol('catching-up')

export class LiveConnection extends EventTarget {
  state: ConnectionState = 'connecting'
  readonly docs = new Map<string, LiveDoc>()
  private socket: WebSocket | undefined
  private attempt = 0
  private retry: ReturnType<typeof setTimeout> | undefined
  private silence: ReturnType<typeof setTimeout> | undefined
  private stopped = false
  private readonly unsubscribe = new Map<LiveDoc, () => void>()

  constructor(private readonly options: LiveOptions) {
    super()
    globalThis.addEventListener?.('online', this.wake)
    globalThis.addEventListener?.('offline', this.sleep)
    if (globalThis.navigator?.onLine === false) this.setState('offline')
    else this.connect()
  }

  /** The doc, read from this device first; synced whenever the socket is up. */
  async open(name: string): Promise<LiveDoc> {
    let live = this.docs.get(name)
    if (!live) {
      live = new LiveDoc(name, this.options.persist ?? true)
      this.docs.set(name, live)
      await live.whenLoaded()
      this.watch(live)
      if (this.state === 'connected') this.send(writeOpen(name))
      this.changed()
    }
    await live.whenLoaded()
    return live
  }

  leave(name: string): void {
    const live = this.docs.get(name)
    if (!live) return
    this.docs.delete(name)
    this.unsubscribe.get(live)?.()
    if (this.state === 'connected') this.send(writeLeave(name))
    live.close()
  }

  /** Stops for good; `erase` also deletes every local copy (signing out). */
  async stop(options: { erase?: boolean } = {}): Promise<void> {
    this.stopped = true
    globalThis.removeEventListener?.('online', this.wake)
    globalThis.removeEventListener?.('offline', this.sleep)
    clearTimeout(this.retry)
    clearTimeout(this.silence)
    this.socket?.close(1000, 'signing out')
    for (const live of this.docs.values()) {
      this.unsubscribe.get(live)?.()
      if (options.erase) await live.erase()
      else live.close()
    }
    this.docs.clear()
  }

  /** Docs with changes the relay does not have yet; rooms count their undelivered messages. */
  pendingChanges(count: (live: LiveDoc) => number = (live) => (live.relayState.coversDoc(live.doc) ? 0 : 1)): number {
    let total = 0
    for (const live of this.docs.values()) total += count(live)
    return total
  }

  private connect(): void {
    if (this.stopped) return
    this.setState('connecting')
    const socket = new (this.options.WebSocket ?? WebSocket)(this.options.url)
    socket.binaryType = 'arraybuffer'
    this.socket = socket
    let opened = false
    socket.onopen = () => {
      opened = true
      this.attempt = 0
      this.setState('connected')
      this.heard()
      for (const live of this.docs.values()) this.send(writeOpen(live.name))
    }
    socket.onmessage = (event) => {
      this.heard()
      try {
        this.receive(new Uint8Array(event.data as ArrayBuffer))
      } catch (error) {
        // A frame we cannot read means we and the relay disagree: start the socket over.
        console.error('[hearth] unreadable frame from the relay', error)
        socket.close(4400, error instanceof MalformedMessage ? error.message : 'unreadable frame')
      }
    }
    // Every error is followed by a close, which decides what happens next.
    socket.onerror = () => {}
    socket.onclose = (event) => {
      if (this.socket !== socket) return
      this.socket = undefined
      clearTimeout(this.silence)
      for (const live of this.docs.values()) {
        if (live.status !== 'refused') live.status = 'local'
        // Without the relay, nobody else's presence is known any more.
        const others = [...live.awareness.getStates().keys()].filter((id) => id !== live.doc.clientID)
        removeAwarenessStates(live.awareness, others, FROM_RELAY)
      }
      if (FINAL_CLOSE_CODES.has(event.code)) return this.signedOut()
      if (this.stopped) return
      if (!opened && this.options.stillSignedIn) {
        void this.options.stillSignedIn().then((yes) => (yes ? this.later() : this.signedOut()), () => this.later())
      } else this.later()
    }
  }

  private receive(data: Uint8Array): void {
    const frame = readLiveFrame(data)
    if (frame.kind === 'doc') return this.receiveDocMessage(frame.docName, frame.message)
    this.receiveRelayMessage(frame.message)
  }

  private receiveRelayMessage(message: RelayMessage): void {
    switch (message.kind) {
      case 'refused': {
        const live = this.docs.get(message.docName)
        if (live) {
          live.status = 'refused'
          live.refusal = message.reason
          live.changed()
        }
        if (message.code === 4401) this.signedOut()
        return
      }
      case 'reset': {
        const live = this.docs.get(message.docName)
        if (!live) return
        this.unsubscribe.get(live)?.()
        // Leave and open again: the relay's fresh sync step 1 starts the new copy from nothing.
        if (this.state === 'connected') this.send(writeLeave(live.name))
        void live.reset(message.reason).then(() => {
          this.watch(live)
          if (this.state === 'connected') this.send(writeOpen(live.name))
        })
        return
      }
      case 'keepalive': return
      default: console.warn('[hearth] unexpected relay message', message.kind)
    }
  }

  private receiveDocMessage(name: string, message: Uint8Array): void {
    const live = this.docs.get(name)
    if (!live) return // a doc we just left; its last frames may still be in flight
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.awareness) {
      applyAwarenessUpdate(live.awareness, decoding.readVarUint8Array(decoder), FROM_RELAY)
      return
    }
    if (type === MessageType.queryAwareness) return this.announce(live)
    if (type === MessageType.auth) {
      decoding.readVarUint(decoder)
      live.refusal = decoding.readVarString(decoder)
      live.changed()
      return
    }
    if (type !== MessageType.sync) throw new MalformedMessage(`unknown message type ${type}`)
    const syncType = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    switch (syncType) {
      case SyncType.step1:
        // The relay opened the doc: it tells us what it has, we send what it lacks, and ask likewise.
        live.relayState.learnStateVector(payload)
        live.status = 'syncing'
        this.send(writeDocFrame(name, writeSyncStep2(Y.encodeStateAsUpdate(live.doc, payload))))
        this.send(writeDocFrame(name, writeSyncStep1(Y.encodeStateVector(live.doc))))
        this.announce(live)
        live.changed()
        return
      case SyncType.step2:
      case SyncType.update:
        live.relayState.learnUpdate(payload)
        if (syncType === SyncType.step2) live.status = 'synced'
        Y.applyUpdate(live.doc, payload, syncType === SyncType.step2 ? CATCHING_UP : FROM_RELAY)
        live.changed()
        this.changed()
        return
      default:
        throw new MalformedMessage(`unknown sync message type ${syncType}`)
    }
  }

  /** Streams local edits while the relay has the doc open; offline edits wait for the next step 2. */
  private watch(live: LiveDoc): void {
    const doc = live.doc
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_RELAY || origin === CATCHING_UP || origin === live.store) return
      if (this.state === 'connected' && live.status !== 'local' && live.status !== 'refused') {
        this.send(writeDocFrame(live.name, writeSyncUpdate(update)))
      }
      this.changed()
    }
    doc.on('update', onUpdate)
    // Only this tab's own presence is sent; the relay relays everyone else's.
    const awareness = live.awareness
    const onPresence = (_changes: unknown, origin: unknown) => {
      if (origin !== FROM_RELAY) this.announce(live, { evenIfGone: true })
    }
    awareness.on('update', onPresence)
    this.unsubscribe.set(live, () => {
      doc.off('update', onUpdate)
      awareness.off('update', onPresence)
    })
  }

  /** Sends this tab's presence in a doc; a cleared state is sent only as news (it tells others to drop it). */
  private announce(live: LiveDoc, { evenIfGone = false } = {}): void {
    if (this.state !== 'connected' || live.status === 'local' || live.status === 'refused') return
    if (live.awareness.getLocalState() === null && !evenIfGone) return
    this.send(writeDocFrame(live.name, writeAwareness(encodeAwarenessUpdate(live.awareness, [live.doc.clientID]))))
  }

  private send(frame: Uint8Array): void {
    if (this.socket?.readyState === OPEN) this.socket.send(frame)
  }

  private heard(): void {
    clearTimeout(this.silence)
    this.silence = setTimeout(() => this.socket?.close(4408, 'the relay went quiet'), SILENCE_LIMIT_MS)
  }

  private later(): void {
    if (this.stopped || this.state === 'signed-out') return
    this.setState(globalThis.navigator?.onLine === false ? 'offline' : 'connecting')
    if (this.state === 'offline') return
    clearTimeout(this.retry)
    this.retry = setTimeout(() => this.connect(), reconnectDelay(this.attempt++))
  }

  private signedOut(): void {
    clearTimeout(this.retry)
    this.setState('signed-out')
    this.socket?.close(1000, 'signed out')
  }

  private readonly wake = () => {
    if (this.stopped || this.state === 'signed-out' || this.socket) return
    clearTimeout(this.retry)
    this.attempt = 0
    this.connect()
  }

  private readonly sleep = () => {
    this.socket?.close(1000, 'offline')
    this.setState('offline')
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return
    this.state = state
    this.changed()
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'))
  }
}
