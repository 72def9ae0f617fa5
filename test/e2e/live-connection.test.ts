/**
 * The browser's live connection (client/live) against a real relay, run in Node with `ws` as the
 * WebSocket and no IndexedDB: one socket for many docs, delivery marks from the relay's echo,
 * offline writes sent on reconnect, and no retrying once the relay says "sign in again".
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { WebSocket as NodeWebSocket } from 'ws'
import { LiveConnection } from '../../client/live/live-connection.js'
import { readMessages } from '../../client/room/message.js'
import { postMessage } from '../../client/room/message-writer.js'
import { openDoor, type Door } from '../../relay/door.js'
import { eventually, startTestRelay, stockClient, synced, tempDir } from '../helpers/relay.js'

const WebSocket = NodeWebSocket as unknown as typeof globalThis.WebSocket
const liveAt = (port: number, extra: Partial<ConstructorParameters<typeof LiveConnection>[0]> = {}) =>
  new LiveConnection({ url: `ws://127.0.0.1:${port}/live`, persist: false, WebSocket, ...extra })

describe('the live connection', () => {
  it('syncs several rooms over one socket and marks a message delivered once the relay echoes it', async () => {
    const { relay, stop } = await startTestRelay({ door: openDoor })
    const kevin = liveAt(relay.port)
    const david = stockClient(relay.port, 'room:watercooler')
    try {
      await synced(david.provider)
      postMessage(david.doc, 'david', 'Morning, everyone')
      const [watercooler, designers] = await Promise.all([kevin.open('room:watercooler'), kevin.open('room:designers')])
      await eventually(() => assert.equal(readMessages(watercooler.doc)[0]?.body, 'Morning, everyone'))
      assert.equal(relay.connections.size, 2, 'kevin holds one socket for both rooms, david one')

      postMessage(watercooler.doc, 'kevin', 'Morning, David!')
      postMessage(designers.doc, 'kevin', 'New logo drafts are up')
      await eventually(() => assert.deepEqual(readMessages(david.doc).map((m) => m.body), ['Morning, everyone', 'Morning, David!']))
      await eventually(() => assert.equal(kevin.pendingChanges(), 0))
      assert.equal(kevin.state, 'connected')
    } finally {
      david.provider.destroy()
      await kevin.stop()
      await stop()
    }
  })

  it('keeps what was written while the relay was away and sends it when the relay is back', async () => {
    const dataDir = tempDir()
    const first = await startTestRelay({ door: openDoor, dataDir })
    const port = first.relay.port
    const kevin = liveAt(port)
    try {
      const room = await kevin.open('room:watercooler')
      await eventually(() => assert.equal(kevin.state, 'connected'))
      await first.relay.close()
      await eventually(() => assert.notEqual(kevin.state, 'connected'))
      for (const body of ['Writing from the train', 'Tunnel coming up', 'Still here']) postMessage(room.doc, 'kevin', body)
      assert.equal(kevin.pendingChanges(), 1, 'the room has changes the relay lacks')

      const second = await startTestRelay({ door: openDoor, dataDir, port })
      try {
        await eventually(() => assert.equal(kevin.pendingChanges(), 0), 10_000)
        const david = stockClient(port, 'room:watercooler')
        await synced(david.provider)
        assert.deepEqual(readMessages(david.doc).map((m) => m.body), ['Writing from the train', 'Tunnel coming up', 'Still here'])
        david.provider.destroy()
      } finally {
        await kevin.stop()
        await second.stop()
      }
    } finally {
      await kevin.stop()
    }
  })

  it('drops its copy of a room and takes the relay’s again when the relay refuses a write', async () => {
    // Who is who comes from the URL here; the write authorizer refuses everything kevin writes.
    const byName: Door = {
      identify: (request) => {
        const userId = new URL(request.url ?? '/', 'http://relay.invalid').searchParams.get('as') ?? 'nobody'
        return { userId, name: userId, role: 'member' }
      },
      mayOpen: () => true,
    }
    const { relay, stop } = await startTestRelay({
      door: byName,
      authorizer: { check: ({ writer }) => (writer.userId === 'kevin' ? { reason: 'read-only', detail: 'kevin only reads here' } : null) },
    })
    const david = stockClient(relay.port, 'room:watercooler', undefined, { as: 'david' })
    const kevin = new LiveConnection({ url: `ws://127.0.0.1:${relay.port}/live?as=kevin`, persist: false, WebSocket })
    try {
      await synced(david.provider)
      postMessage(david.doc, 'david', 'Morning, everyone')
      const room = await kevin.open('room:watercooler')
      await eventually(() => assert.equal(readMessages(room.doc).length, 1))
      const before = room.doc
      postMessage(room.doc, 'kevin', 'Rewriting history')
      await eventually(() => assert.notEqual(room.doc, before, 'the local copy was replaced'))
      await eventually(() => assert.deepEqual(readMessages(room.doc).map((m) => m.body), ['Morning, everyone']))
      assert.match(room.refusal ?? '', /read-only/)
      assert.deepEqual(readMessages(david.doc).map((m) => m.body), ['Morning, everyone'])
    } finally {
      david.provider.destroy()
      await kevin.stop()
      await stop()
    }
  })

  it('stops reconnecting when the relay no longer knows who this is', async () => {
    const nobody: Door = { identify: () => ({ status: 401, reason: 'not signed in' }), mayOpen: () => true }
    const { relay, stop } = await startTestRelay({ door: nobody })
    let attempts = 0
    const Counting = class extends NodeWebSocket {
      constructor(url: string) {
        super(url)
        attempts++
      }
    } as unknown as typeof globalThis.WebSocket
    const kevin = liveAt(relay.port, { WebSocket: Counting, stillSignedIn: async () => false })
    try {
      await eventually(() => assert.equal(kevin.state, 'signed-out'))
      await new Promise((resolve) => setTimeout(resolve, 1500))
      assert.equal(attempts, 1)
    } finally {
      await kevin.stop()
      await stop()
    }
  })
})
