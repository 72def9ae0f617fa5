/**
 * People in a room through real stock y-websocket connections to a real relay (test door: the
 * principal comes from the query string). Each person's client records the refusals it is told.
 */
import assert from 'node:assert/strict'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Role } from '../../relay/door.js'
import type { Relay } from '../../relay/relay.js'
import { readMessage } from '../../shared/protocol/sync-messages.js'
import { boostsOf, messagesOf, mintId } from '../../shared/room/index.js'
import { eventually, startTestRelay, stockClient, synced, type TestRelay } from '../helpers/relay.js'
import { as, testDoor } from '../helpers/test-door.js'

export interface Person {
  userId: string
  role: Role
  doc: Y.Doc
  provider: WebsocketProvider
  /** The reasons of every `auth denied` the relay sent this client. */
  refusals: string[]
}

/** Everyone still connected, so a failed test cannot leave providers reconnecting forever. */
const present = new Set<Person>()

export async function join(relay: Relay, docName: string, userId: string, role: Role = 'member', doc = new Y.Doc()): Promise<Person> {
  const { provider } = stockClient(relay.port, docName, doc, as(userId, role))
  const person: Person = { userId, role, doc, provider, refusals: [] }
  present.add(person)
  listenForRefusals(person)
  await synced(provider)
  return person
}

/** The provider makes a new socket on every reconnect; listen to each. */
function listenForRefusals(person: Person): void {
  const heard = new WeakSet<object>()
  const listen = () => {
    const ws = person.provider.ws as unknown as { addEventListener(type: 'message', listener: (event: { data: ArrayBuffer }) => void): void } | null
    if (!ws || heard.has(ws)) return
    heard.add(ws)
    ws.addEventListener('message', (event) => {
      const message = readMessage(new Uint8Array(event.data))
      if (message.kind === 'auth-denied') person.refusals.push(message.reason)
    })
  }
  listen()
  person.provider.on('status', listen)
}

/** Starts afresh as a refused client must: drop the local copy, sync the doc again from the relay. */
export async function startAfresh(relay: Relay, docName: string, person: Person): Promise<Person> {
  leave(person)
  return join(relay, docName, person.userId, person.role)
}

export function leave(person: Person): void {
  present.delete(person)
  person.provider.destroy()
  person.doc.destroy()
}

export function leaveEveryone(): void {
  for (const person of present) leave(person)
}

/** A relay behind the test door; its stop() first makes everyone still present leave. */
export async function startRoomRelay(options: Parameters<typeof startTestRelay>[0] = {}): Promise<TestRelay> {
  const hearth = await startTestRelay({ door: testDoor, ...options })
  return {
    ...hearth,
    stop() {
      leaveEveryone()
      return hearth.stop()
    },
  }
}

/** What a reader sees: messages and boosts as plain JSON. */
export function contentOf(doc: Y.Doc): unknown {
  return { messages: messagesOf(doc).toJSON(), boosts: boostsOf(doc).toJSON() }
}

export async function allSee(people: Person[], check: (doc: Y.Doc) => void, timeoutMs = 5000): Promise<void> {
  await eventually(() => people.forEach((person) => check(person.doc)), timeoutMs)
}

/** Waits until the relay told this person it refused a write of theirs for `reason`. */
export async function toldRefusal(person: Person, reason: string): Promise<void> {
  await eventually(() => assert.ok(person.refusals.some((told) => told.startsWith(`${reason}:`)), `${person.userId} was told: ${person.refusals.join('; ')}`))
}

export function refusalsOf(relay: Relay): number {
  return [...relay.refusals.values()].reduce((sum, count) => sum + count, 0)
}

/** The relay's doc as a fresh reader would receive it. */
export async function relayContent(relay: Relay, docName: string): Promise<unknown> {
  const reader = await join(relay, docName, 'reader')
  const content = contentOf(reader.doc)
  leave(reader)
  return content
}

export function sameStateVector(doc: Y.Doc, relay: Relay, docName: string): void {
  const relayDoc = relay.docs.get(docName)
  assert.ok(relayDoc, `${docName} is loaded`)
  assert.deepEqual(Y.decodeStateVector(Y.encodeStateVector(doc)), relayDoc.known.stateVector())
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A message kevin builds by hand (not through shared/room), with a sound default for every field
 * but the ones a forgery sets; `omit` leaves fields out altogether.
 */
export function forgeMessage(doc: Y.Doc, fields: Record<string, unknown>, omit: string[] = []): void {
  doc.transact(() => {
    const message = new Y.Map<unknown>()
    messagesOf(doc).set(mintId('kevin'), message)
    const all: Record<string, unknown> = { author: 'kevin', createdAt: Date.now(), body: 'hello', mentions: [], ...fields }
    for (const [field, value] of Object.entries(all)) if (!omit.includes(field)) message.set(field, value)
  })
}
