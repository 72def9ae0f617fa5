/**
 * Rooms with history, written over the wire as a client would upload them, and fresh clients that
 * read a room back. Runs in the harness process: one socket at a time, nothing here is a hot path.
 */
import * as Y from 'yjs'
import { BenchClient, within } from './bench-client.js'
import { marker, scanMarkers } from './markers.js'
import { roomHistory } from './room-writer.js'
import type { Target } from '../targets/target.js'

/** Messages per update when uploading history: the size of a paste, not of a whole archive. */
const HISTORY_BATCH = 200
/** The writer number that tags history, apart from fanout's writers. */
export const HISTORY_WRITER = 900_000
const SEED_TIMEOUT_MS = 120_000

const histories = new Map<string, Uint8Array[]>()

/** The same history for every room: generated once per user and size. */
export function history(userId: string, messages: number): Uint8Array[] {
  const key = `${userId}/${messages}`
  let updates = histories.get(key)
  if (!updates) {
    updates = roomHistory(userId, messages, HISTORY_BATCH, (i) => marker(HISTORY_WRITER, i, 0))
    histories.set(key, updates)
  }
  return updates
}

/** The state vector of a client that holds exactly that history. */
export function historyStateVector(updates: Uint8Array[]): Uint8Array {
  return Y.encodeStateVectorFromUpdate(Y.mergeUpdates(updates))
}

/** Uploads the history and resolves once the server echoed its last message (and so holds it all). */
export async function seedRoom(target: Target, docName: string, updates: Uint8Array[], messages: number): Promise<BenchClient> {
  const client = new BenchClient({ url: target.url(docName), headers: target.access.headers })
  await within(client.synced, SEED_TIMEOUT_MS, `sync before seeding ${docName}`)
  const lastEchoed = client.echoOf(HISTORY_WRITER, messages - 1)
  for (const update of updates) client.sendUpdate(update)
  await within(lastEchoed, SEED_TIMEOUT_MS, `echo of the history of ${docName}`)
  return client
}

/**
 * A fresh client (empty state) syncs the room into a Y.Doc until it holds `expect` messages. The
 * reference answers a first step 1 before its persistence has loaded the doc, so a stock client's
 * `synced` can fire with nothing in it: holding the messages is what counts. Resolves with the ms
 * it took (or the timeout) and what the client holds by then.
 */
export async function readRoom(target: Target, docName: string, expect: number, timeoutMs: number): Promise<{ ms: number; messages: number; markers: Set<string> }> {
  const began = performance.now()
  const doc = new Y.Doc()
  const messages = doc.getMap('messages')
  const markers = new Set<string>()
  let holdsAll!: () => void
  const complete = new Promise<void>((resolve) => { holdsAll = resolve })
  const client = new BenchClient({
    url: target.url(docName),
    headers: target.access.headers,
    onUpdate: (update) => {
      Y.applyUpdate(doc, update)
      for (const found of scanMarkers(update)) markers.add(`${found.writer}:${found.seq}`)
      if (messages.size >= expect) holdsAll()
    },
  })
  try {
    await within(client.synced, timeoutMs, `fresh sync of ${docName}`)
    if (messages.size < expect) await within(complete, timeoutMs - (performance.now() - began), `${expect} messages in ${docName}`).catch(() => {})
    return { ms: performance.now() - began, messages: messages.size, markers }
  } finally {
    await client.close()
    doc.destroy()
  }
}
