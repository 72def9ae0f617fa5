import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as Y from 'yjs'
import { boost, boostsOf, messagesOf, mintId, postMessage } from '../../shared/room/index.js'
import { eventually, type TestRelay } from '../helpers/relay.js'
import { allSee, contentOf, forgeMessage, join, leave, pause, type Person, relayContent, sameStateVector, startAfresh, startRoomRelay, toldRefusal } from './room-fixture.js'

/**
 * Kevin tries every forgery in a room where david wrote a message and jz boosted it. Each is
 * refused with its named reason, and david, jz and the relay's copy stay exactly as they were.
 */
describe('forged writes to a room are refused and reach nobody', () => {
  let hearth: TestRelay
  let rooms = 0
  before(async () => (hearth = await startRoomRelay()))
  after(() => hearth.stop())

  interface Scene {
    docName: string
    david: Person
    kevin: Person
    jz: Person
    davids: string
    jzBoost: string
  }

  async function watercooler(): Promise<Scene> {
    const docName = `room:watercooler-${++rooms}`
    const david = await join(hearth.relay, docName, 'david')
    const jz = await join(hearth.relay, docName, 'jz')
    const davids = postMessage(david.doc, 'david', { body: 'Morning all', mentions: ['jz'] })
    await allSee([jz], (doc) => assert.ok(messagesOf(doc).has(davids), 'jz sees david’s message'))
    const jzBoost = boost(jz.doc, 'jz', davids, '☕')
    const kevin = await join(hearth.relay, docName, 'kevin')
    await allSee([david, kevin], (doc) => assert.ok(boostsOf(doc).has(jzBoost), 'everyone sees jz’s boost'))
    return { docName, david, kevin, jz, davids, jzBoost }
  }

  /** Kevin's forgery is refused for `reason`, and nobody else's copy changes. */
  async function refused(scene: Scene, reason: string, forge: () => void): Promise<void> {
    const before = contentOf(scene.david.doc)
    const count = hearth.relay.refusals.get(reason) ?? 0
    forge()
    await toldRefusal(scene.kevin, reason)
    assert.ok(hearth.relay.refusals.get(reason)! > count, 'the relay counted the refusal')
    await pause(50)
    assert.deepEqual(contentOf(scene.david.doc), before)
    assert.deepEqual(contentOf(scene.jz.doc), before)
    assert.deepEqual(await relayContent(hearth.relay, scene.docName), before)
    for (const person of [scene.david, scene.kevin, scene.jz]) leave(person)
  }

  it("refuses kevin editing david's body", async () => {
    const scene = await watercooler()
    await refused(scene, 'foreign-parent', () => messagesOf(scene.kevin.doc).get(scene.davids)!.set('body', 'I was wrong'))
  })

  it("refuses kevin adding a field to david's message", async () => {
    const scene = await watercooler()
    await refused(scene, 'foreign-parent', () => messagesOf(scene.kevin.doc).get(scene.davids)!.set('editedAt', Date.now()))
  })

  it("refuses kevin overwriting david's message key", async () => {
    const scene = await watercooler()
    await refused(scene, 'foreign-parent', () =>
      scene.kevin.doc.transact(() => {
        const forged = new Y.Map<unknown>()
        messagesOf(scene.kevin.doc).set(scene.davids, forged)
        forged.set('author', 'kevin')
        forged.set('createdAt', Date.now())
        forged.set('body', 'mine now')
      }),
    )
  })

  it("refuses kevin writing david's message key from a copy that never saw it", async () => {
    const scene = await watercooler()
    const blank = new Y.Doc()
    const forged = new Y.Map<unknown>()
    messagesOf(blank).set(scene.davids, forged)
    forged.set('author', 'kevin')
    forged.set('createdAt', Date.now())
    forged.set('body', 'mine now')
    await refused(scene, 'foreign-key', () => Y.applyUpdate(scene.kevin.doc, Y.encodeStateAsUpdate(blank)))
  })

  it("refuses kevin deleting david's message", async () => {
    const scene = await watercooler()
    await refused(scene, 'foreign-deletion', () => messagesOf(scene.kevin.doc).delete(scene.davids))
  })

  it("refuses kevin deleting jz's boost", async () => {
    const scene = await watercooler()
    await refused(scene, 'foreign-deletion', () => boostsOf(scene.kevin.doc).delete(scene.jzBoost))
  })

  it("refuses kevin posting under david's id", async () => {
    const scene = await watercooler()
    await refused(scene, 'foreign-key', () => postMessage(scene.kevin.doc, 'david', { body: 'I quit' }))
  })

  it("refuses kevin reusing david's Yjs client id", async () => {
    const scene = await watercooler()
    const impostor = new Y.Doc()
    Y.applyUpdate(impostor, Y.encodeStateAsUpdate(scene.kevin.doc))
    impostor.clientID = scene.david.doc.clientID // after syncing: Yjs would pick a new id on seeing its own in an update
    postMessage(impostor, 'kevin', { body: 'written with david’s pen' })
    await refused(scene, 'foreign-client-id', () => Y.applyUpdate(scene.kevin.doc, Y.encodeStateAsUpdate(impostor, Y.encodeStateVector(scene.kevin.doc))))
  })

  it('refuses a boost over 16 characters', async () => {
    const scene = await watercooler()
    await refused(scene, 'invalid-content', () =>
      boostsOf(scene.kevin.doc).set(mintId('kevin'), { message: scene.davids, booster: 'kevin', content: 'seventeen chars!!', createdAt: Date.now() }),
    )
  })

  it('refuses a createdAt far in the future', async () => {
    const scene = await watercooler()
    await refused(scene, 'too-far-in-future', () => forgeMessage(scene.kevin.doc, { createdAt: Date.now() + 60 * 60_000, body: 'first!' }))
  })

  for (const [field, value] of [
    ['body', 42],
    ['createdAt', 'yesterday'],
    ['mentions', 'everyone'],
    ['author', 'david'],
  ] as const) {
    it(`refuses a message whose ${field} has the wrong type or value`, async () => {
      const scene = await watercooler()
      // Written as kevin built it: the three sound fields, then the wrong one (mentions only if it is the wrong one).
      await refused(scene, 'invalid-content', () => forgeMessage(scene.kevin.doc, { [field]: value }, field === 'mentions' ? [] : ['mentions']))
    })
  }

  it('refuses a message body held in a Y.Text instead of a plain string', async () => {
    const scene = await watercooler()
    await refused(scene, 'invalid-content', () => forgeMessage(scene.kevin.doc, { body: new Y.Text('rich') }, ['mentions']))
  })

  it('refuses a root the room document does not have', async () => {
    const scene = await watercooler()
    await refused(scene, 'invalid-content', () => scene.kevin.doc.getArray('pinned').push(['kevin']))
  })

  it('lets a refused client start afresh with exactly the relay’s state and post again', async () => {
    const scene = await watercooler()
    messagesOf(scene.kevin.doc).delete(scene.davids)
    await toldRefusal(scene.kevin, 'foreign-deletion')
    const kevin = await startAfresh(hearth.relay, scene.docName, scene.kevin)
    assert.deepEqual(contentOf(kevin.doc), contentOf(scene.david.doc))
    sameStateVector(kevin.doc, hearth.relay, scene.docName)
    const kevins = postMessage(kevin.doc, 'kevin', { body: 'Sorry, wrong button' })
    await allSee([scene.david, scene.jz], (doc) => assert.equal(messagesOf(doc).get(kevins)?.get('body'), 'Sorry, wrong button'))
    assert.deepEqual(kevin.refusals, [])
    for (const person of [scene.david, kevin, scene.jz]) leave(person)
  })
})

describe('server-owned docs and maps are refused to clients', () => {
  let hearth: TestRelay
  before(async () => (hearth = await startRoomRelay()))
  after(() => hearth.stop())

  it('refuses any write to the account doc', async () => {
    const kevin = await join(hearth.relay, 'account', 'kevin')
    kevin.doc.getMap('users').set('kevin', { role: 'administrator' })
    await toldRefusal(kevin, 'server-owned')
    assert.deepEqual(await relayContentOfMap(hearth, 'account', 'users'), {})
    leave(kevin)
  })

  it('refuses writes to a doc of a kind clients do not write', async () => {
    const kevin = await join(hearth.relay, 'notes:kevin', 'kevin')
    kevin.doc.getMap('notes').set('todo', 'ship')
    await toldRefusal(kevin, 'read-only')
    leave(kevin)
  })

  it("refuses kevin writing the relay's rooms map of his own user doc, but takes his reads", async () => {
    const kevin = await join(hearth.relay, 'user:kevin', 'kevin')
    kevin.doc.getMap('reads').set('watercooler', Date.now())
    kevin.doc.getMap('rooms').set('designers', { name: 'Designers' })
    await toldRefusal(kevin, 'server-owned')
    leave(kevin)
    assert.deepEqual(await relayContentOfMap(hearth, 'user:kevin', 'rooms', 'kevin'), {})
    assert.deepEqual(Object.keys(await relayContentOfMap(hearth, 'user:kevin', 'reads', 'kevin')), ['watercooler'])
  })

  it("refuses kevin changing what the relay wrote in his user doc", async () => {
    const written = new Y.Doc()
    written.getMap('rooms').set('watercooler', { name: 'Watercooler' })
    ;(await hearth.relay.docs.open('user:jz')).write(Y.encodeStateAsUpdate(written))
    const jz = await join(hearth.relay, 'user:jz', 'jz')
    await eventually(() => assert.ok(jz.doc.getMap('rooms').has('watercooler'), 'jz has the rooms the relay wrote'))
    jz.doc.getMap('rooms').delete('watercooler')
    await toldRefusal(jz, 'server-owned')
    leave(jz)
    assert.deepEqual(Object.keys(await relayContentOfMap(hearth, 'user:jz', 'rooms', 'jz')), ['watercooler'])
  })

  async function relayContentOfMap(hearth: TestRelay, docName: string, root: string, userId = 'reader'): Promise<Record<string, unknown>> {
    const reader = await join(hearth.relay, docName, userId)
    const content = reader.doc.getMap(root).toJSON()
    leave(reader)
    return content
  }
})
