import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join as joinPath } from 'node:path'
import { after, before, describe, it } from 'node:test'
import * as Y from 'yjs'
import { eraseMessagesOf } from '../../relay/authorization/erase-messages.js'
import { boost, boostsOf, deleteMessage, editMessage, messagesOf, postMessage, readMessages, unboost } from '../../shared/room/index.js'
import { eventually, type TestRelay } from '../helpers/relay.js'
import { allSee, contentOf, join, leave, leaveEveryone, pause, refusalsOf, relayContent, startRoomRelay, toldRefusal } from './room-fixture.js'

describe('administrators, boosters and bans', () => {
  let hearth: TestRelay
  before(async () => (hearth = await startRoomRelay()))
  after(() => hearth.stop())

  it("lets an administrator delete kevin's message and every boost under it", async () => {
    const david = await join(hearth.relay, 'room:designers', 'david', 'administrator')
    const kevin = await join(hearth.relay, 'room:designers', 'kevin')
    const jz = await join(hearth.relay, 'room:designers', 'jz')
    const kevins = postMessage(kevin.doc, 'kevin', { body: 'Comic Sans for the logo?' })
    await allSee([jz], (doc) => assert.ok(messagesOf(doc).has(kevins), 'jz sees it'))
    boost(jz.doc, 'jz', kevins, '😬')
    boost(kevin.doc, 'kevin', kevins, '😎')
    await allSee([david], (doc) => assert.equal(boostsOf(doc).size, 2))
    const refused = refusalsOf(hearth.relay)
    deleteMessage(david.doc, david, kevins)
    await allSee([kevin, jz], (doc) => assert.deepEqual(contentOf(doc), { messages: {}, boosts: {} }))
    assert.equal(refusalsOf(hearth.relay), refused)
    ;[david, kevin, jz].forEach(leave)
  })

  it("refuses an administrator blanking kevin's body without deleting the message", async () => {
    const david = await join(hearth.relay, 'room:blanking', 'david', 'administrator')
    const kevin = await join(hearth.relay, 'room:blanking', 'kevin')
    const kevins = postMessage(kevin.doc, 'kevin', { body: 'Keep my words' })
    await allSee([david], (doc) => assert.ok(messagesOf(doc).has(kevins), 'david sees it'))
    messagesOf(david.doc).get(kevins)!.delete('body')
    await toldRefusal(david, 'foreign-deletion')
    await pause(50)
    assert.equal(messagesOf(kevin.doc).get(kevins)?.get('body'), 'Keep my words')
    ;[david, kevin].forEach(leave)
  })

  it('lets jz remove his own boost, and nobody but an administrator remove it for him', async () => {
    const david = await join(hearth.relay, 'room:boosts', 'david')
    const jz = await join(hearth.relay, 'room:boosts', 'jz')
    const davids = postMessage(david.doc, 'david', { body: 'We shipped' })
    await allSee([jz], (doc) => assert.ok(messagesOf(doc).has(davids), 'jz sees it'))
    const first = boost(jz.doc, 'jz', davids, '🎉')
    const second = boost(jz.doc, 'jz', davids, '🚀')
    await allSee([david], (doc) => assert.equal(boostsOf(doc).size, 2))
    boostsOf(david.doc).delete(second)
    await toldRefusal(david, 'foreign-deletion')
    unboost(jz.doc, 'jz', first)
    await eventually(async () => assert.deepEqual(Object.keys((await relayContent(hearth.relay, 'room:boosts') as { boosts: object }).boosts), [second]))
    ;[david, jz].forEach(leave)
  })

  it("accepts kevin's offline edit of a message deleted meanwhile, and jz's resync that deletes it by implication", async () => {
    const docName = 'room:offline-edit'
    const david = await join(hearth.relay, docName, 'david', 'administrator')
    const kevin = await join(hearth.relay, docName, 'kevin')
    const jz = await join(hearth.relay, docName, 'jz')
    const kevins = postMessage(kevin.doc, 'kevin', { body: 'Lunch at noon?' })
    await allSee([david, jz], (doc) => assert.ok(messagesOf(doc).has(kevins), 'everyone sees it'))
    kevin.provider.disconnect()
    editMessage(kevin.doc, 'kevin', kevins, 'Lunch at one?')
    deleteMessage(david.doc, david, kevins)
    await allSee([jz], (doc) => assert.equal(messagesOf(doc).size, 0))
    const refused = refusalsOf(hearth.relay)
    kevin.provider.connect()
    await allSee([kevin], (doc) => assert.equal(messagesOf(doc).size, 0))
    // jz received kevin's edit into a deleted message, so Yjs deleted it on jz's copy; his next
    // sync step 2 says so before kevin ever does.
    await pause(100)
    jz.provider.disconnect()
    jz.provider.connect()
    await pause(300)
    postMessage(jz.doc, 'jz', { body: 'Still hungry' })
    await allSee([david, kevin], (doc) => assert.equal(readMessages(doc)[0]?.body, 'Still hungry'))
    assert.equal(refusalsOf(hearth.relay), refused, jz.refusals.join('; '))
    ;[david, kevin, jz].forEach(leave)
  })

  it("erases a banned person's messages and boosts from every room, and compaction takes the text out of the files", async () => {
    const rooms = ['room:ban-watercooler', 'room:ban-designers']
    const people = await Promise.all(rooms.flatMap((room) => [join(hearth.relay, room, 'david'), join(hearth.relay, room, 'kevin'), join(hearth.relay, room, 'jz')]))
    const [davidHere, kevinHere, jzHere, davidThere, kevinThere] = people
    const kevins = postMessage(kevinHere!.doc, 'kevin', { body: 'kevin-spam-4f1c: buy my crypto' })
    postMessage(kevinThere!.doc, 'kevin', { body: 'kevin-spam-4f1c: buy it twice' })
    const davids = postMessage(davidHere!.doc, 'david', { body: 'david-keeps-77ab: welcome' })
    await allSee([jzHere!, kevinHere!], (doc) => assert.equal(messagesOf(doc).size, 2))
    boost(jzHere!.doc, 'jz', kevins, '🤔')
    boost(kevinHere!.doc, 'kevin', davids, 'kevin-boost-9z')
    await allSee([davidHere!], (doc) => assert.equal(boostsOf(doc).size, 2))
    await allSee([davidThere!], (doc) => assert.equal(messagesOf(doc).size, 1))

    assert.equal(await eraseMessagesOf(hearth.relay, 'kevin', rooms), 2)

    await allSee([davidHere!, jzHere!], (doc) => assert.deepEqual(readMessages(doc).map((m) => m.id), [davids]))
    await allSee([davidHere!, jzHere!], (doc) => assert.equal(boostsOf(doc).size, 0))
    await allSee([davidThere!], (doc) => assert.equal(messagesOf(doc).size, 0))
    people.forEach(leave)
    for (const room of rooms) {
      const doc = await hearth.relay.docs.open(room)
      hearth.relay.compactor.compactLater(doc, true)
      await hearth.relay.compactor.idle()
    }
    await eventually(() => {
      const files = readdirSync(hearth.dataDir).map((file) => readFileSync(joinPath(hearth.dataDir, file)).toString('latin1')).join('')
      assert.ok(files.includes('david-keeps-77ab'), "david's message is still stored")
      assert.ok(!files.includes('kevin-spam-4f1c'), "kevin's messages left the files")
      assert.ok(!files.includes('kevin-boost-9z'), "kevin's boost left the files")
    })
  })
})

describe('rules that need history the relay stored', () => {
  it('judge edits and deletions after a restart, from the compacted snapshot and the log', async () => {
    const first = await startRoomRelay()
    const docName = 'room:history'
    const kevin = await join(first.relay, docName, 'kevin')
    const old = postMessage(kevin.doc, 'kevin', { body: 'From last week' })
    const older = postMessage(kevin.doc, 'kevin', { body: 'From last month' })
    await eventually(() => assert.equal(first.relay.docs.get(docName)?.storedUpdates.length, 2))
    first.relay.compactor.compactLater(first.relay.docs.get(docName)!, true)
    await first.relay.compactor.idle()
    const david = await join(first.relay, docName, 'david', 'administrator')
    const davids = postMessage(david.doc, 'david', { body: 'In the log, after the snapshot' })
    await allSee([kevin], (doc) => assert.ok(messagesOf(doc).has(davids), 'kevin sees it'))
    leaveEveryone()
    await first.relay.close()

    const second = await startRoomRelay({ dataDir: first.dataDir })
    try {
      const kevinAgain = await join(second.relay, docName, 'kevin')
      const davidAgain = await join(second.relay, docName, 'david', 'administrator')
      const jz = await join(second.relay, docName, 'jz')
      editMessage(kevinAgain.doc, 'kevin', old, 'From last week (edited)')
      deleteMessage(davidAgain.doc, davidAgain, older)
      await allSee([jz], (doc) => assert.deepEqual(readMessages(doc).map((m) => m.body), ['From last week (edited)', 'In the log, after the snapshot']))
      assert.equal(refusalsOf(second.relay), 0)
      messagesOf(jz.doc).delete(davids)
      await toldRefusal(jz, 'foreign-deletion')
      assert.deepEqual(kevinAgain.refusals, [])
    } finally {
      await second.stop()
    }
  })
})

describe('client id ownership', () => {
  it("survives a restart: kevin cannot write under david's client id after the relay comes back", async () => {
    const first = await startRoomRelay()
    const david = await join(first.relay, 'room:restart', 'david')
    postMessage(david.doc, 'david', { body: 'Before the restart' })
    await eventually(() => assert.equal(first.relay.docs.get('room:restart')?.storedUpdates.length, 1))
    leave(david)
    await first.relay.close()
    const second = await startRoomRelay({ dataDir: first.dataDir })
    try {
      const kevin = await join(second.relay, 'room:restart', 'kevin')
      const impostor = new Y.Doc()
      Y.applyUpdate(impostor, Y.encodeStateAsUpdate(kevin.doc))
      impostor.clientID = david.doc.clientID
      postMessage(impostor, 'kevin', { body: 'Who owns this pen?' })
      Y.applyUpdate(kevin.doc, Y.encodeStateAsUpdate(impostor, Y.encodeStateVector(kevin.doc)))
      await toldRefusal(kevin, 'foreign-client-id')
      leave(kevin)
    } finally {
      await second.stop()
    }
  })
})
