/**
 * The same rules on the multiplexed socket: kevin forges over /live (one socket, many docs), is
 * told the doc was reset and why, and david and jz (stock providers) see nothing of it.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as Y from 'yjs'
import { boost, boostsOf, messagesOf, mintId, postMessage } from '../../shared/room/index.js'
import { LiveTestClient } from '../helpers/live-client.js'
import { eventually, type TestRelay } from '../helpers/relay.js'
import { allSee, contentOf, forgeMessage, join, leaveEveryone, pause, relayContent, startRoomRelay } from './room-fixture.js'

interface Scene {
  kevin: Y.Doc
  davids: string
  jzBoost: string
  davidsClient: number
}

const FORGERIES: Array<[what: string, reason: string, forge: (scene: Scene) => void]> = [
  ["editing david's body", 'foreign-parent', ({ kevin, davids }) => messagesOf(kevin).get(davids)!.set('body', 'I was wrong')],
  ["adding a field to david's message", 'foreign-parent', ({ kevin, davids }) => messagesOf(kevin).get(davids)!.set('editedAt', Date.now())],
  ["deleting david's message", 'foreign-deletion', ({ kevin, davids }) => messagesOf(kevin).delete(davids)],
  ["deleting jz's boost", 'foreign-deletion', ({ kevin, jzBoost }) => boostsOf(kevin).delete(jzBoost)],
  ["posting under david's id", 'foreign-key', ({ kevin }) => postMessage(kevin, 'david', { body: 'I quit' })],
  ["reusing david's client id", 'foreign-client-id', ({ kevin, davidsClient }) => {
    const impostor = new Y.Doc()
    Y.applyUpdate(impostor, Y.encodeStateAsUpdate(kevin))
    impostor.clientID = davidsClient
    postMessage(impostor, 'kevin', { body: 'with david’s pen' })
    Y.applyUpdate(kevin, Y.encodeStateAsUpdate(impostor, Y.encodeStateVector(kevin)))
  }],
  ['a boost over 16 characters', 'invalid-content', ({ kevin, davids }) =>
    boostsOf(kevin).set(mintId('kevin'), { message: davids, booster: 'kevin', content: 'seventeen chars!!', createdAt: Date.now() })],
  ['a createdAt an hour ahead', 'too-far-in-future', ({ kevin }) => forgeMessage(kevin, { createdAt: Date.now() + 3_600_000 }, ['mentions'])],
  ['a numeric body', 'invalid-content', ({ kevin }) => forgeMessage(kevin, { body: 42 }, ['mentions'])],
]

describe('forgeries over the multiplexed socket', () => {
  let hearth: TestRelay
  let rooms = 0
  before(async () => (hearth = await startRoomRelay()))
  after(() => hearth.stop())

  for (const [what, reason, forge] of FORGERIES) {
    it(`refuses kevin ${what} (${reason}) and resets his copy`, async () => {
      const docName = `room:live-${++rooms}`
      const david = await join(hearth.relay, docName, 'david')
      const jz = await join(hearth.relay, docName, 'jz')
      const davids = postMessage(david.doc, 'david', { body: 'Morning all' })
      await allSee([jz], (doc) => assert.ok(messagesOf(doc).has(davids), 'jz sees it'))
      const jzBoost = boost(jz.doc, 'jz', davids, '☕')
      const live = new LiveTestClient(hearth.relay.port, {}, '?user=kevin&role=member')
      await live.ready
      const kevin = live.open(docName)
      await eventually(() => assert.ok(boostsOf(kevin).has(jzBoost), 'kevin has synced'))
      const before = contentOf(david.doc)
      forge({ kevin, davids, jzBoost, davidsClient: david.doc.clientID })
      await eventually(() =>
        assert.ok(
          live.relayMessages.some((message) => message.kind === 'reset' && message.docName === docName && message.reason.startsWith(`${reason}:`)),
          `kevin was told: ${JSON.stringify(live.relayMessages)}`,
        ),
      )
      await pause(50)
      assert.deepEqual(contentOf(david.doc), before)
      assert.deepEqual(contentOf(jz.doc), before)
      assert.deepEqual(await relayContent(hearth.relay, docName), before)
      live.close()
      leaveEveryone()
    })
  }
})
