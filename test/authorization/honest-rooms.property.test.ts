/**
 * Honest people never see a refusal: david (an administrator), kevin and jz post, edit and delete
 * their own messages, boost and unboost, and david deletes others' messages, through real stock
 * connections to a real relay, dropping off and working offline at random. Every operation is
 * accepted and every replica (and the relay) ends with the same messages and boosts.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { boost, boostsFor, deleteMessage, editMessage, postMessage, readMessages, unboost } from '../../shared/room/index.js'
import { eventually, type TestRelay } from '../helpers/relay.js'
import { contentOf, join, leave, pause, type Person, refusalsOf, relayContent, startRoomRelay } from './room-fixture.js'

const PEOPLE = [
  { userId: 'david', role: 'administrator' },
  { userId: 'kevin', role: 'member' },
  { userId: 'jz', role: 'member' },
] as const

const who = fc.nat({ max: PEOPLE.length - 1 })
const pick = fc.nat({ max: 1000 })
const operation = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('post' as const), who, body: fc.string({ maxLength: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), who, pick, body: fc.string({ maxLength: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), who, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('admin-delete' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('boost' as const), who, pick, content: fc.constantFrom('👍', '🎉', 'ship it!', '🙌🏽', '👨‍👩‍👧‍👦 yes') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unboost' as const), who, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), who }) },
)
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never
const script = fc.array(fc.tuple(operation, fc.nat({ max: 15 })), { minLength: 5, maxLength: 40 })

const choose = <T>(items: T[], index: number): T | undefined => (items.length === 0 ? undefined : items[index % items.length])

/** Runs one operation the way the app would: only what this person's copy shows them may do. */
function perform(people: Person[], op: Operation): void {
  const person = 'who' in op ? people[op.who]! : people[0]!
  const doc = person.doc
  const own = () => readMessages(doc).filter((message) => message.author === person.userId)
  switch (op.kind) {
    case 'post':
      postMessage(doc, person.userId, { body: op.body })
      return
    case 'edit': {
      const message = choose(own(), op.pick)
      if (message) editMessage(doc, person.userId, message.id, op.body)
      return
    }
    case 'delete': {
      const message = choose(own(), op.pick)
      if (message) deleteMessage(doc, person, message.id)
      return
    }
    case 'admin-delete': {
      const message = choose(readMessages(doc), op.pick)
      if (message) deleteMessage(doc, person, message.id)
      return
    }
    case 'boost': {
      const message = choose(readMessages(doc), op.pick)
      if (message) boost(doc, person.userId, message.id, op.content)
      return
    }
    case 'unboost': {
      const mine = readMessages(doc).flatMap((message) => boostsFor(doc, message.id)).filter((b) => b.booster === person.userId)
      const chosen = choose(mine, op.pick)
      if (chosen) unboost(doc, person.userId, chosen.id)
      return
    }
    case 'disconnect':
      person.provider.disconnect()
      return
    case 'reconnect':
      person.provider.connect()
      return
  }
}

describe('honest people in a room, at random', () => {
  let hearth: TestRelay
  let runs = 0
  before(async () => (hearth = await startRoomRelay()))
  after(() => hearth.stop())

  it('are never refused, and every replica converges to the same messages', async () => {
    await fc.assert(
      fc.asyncProperty(script, async (steps) => {
        const docName = `room:designers-${++runs}`
        const refusedBefore = refusalsOf(hearth.relay)
        const people: Person[] = []
        for (const { userId, role } of PEOPLE) people.push(await join(hearth.relay, docName, userId, role))
        try {
          for (const [op, delay] of steps) {
            perform(people, op)
            if (delay > 0) await pause(delay)
          }
          for (const person of people) person.provider.connect()
          await eventually(() => {
            const expected = contentOf(people[0]!.doc)
            for (const person of people) assert.deepEqual(contentOf(person.doc), expected, `${person.userId} has converged`)
          }, 10_000)
          assert.deepEqual(await relayContent(hearth.relay, docName), contentOf(people[0]!.doc))
          assert.equal(refusalsOf(hearth.relay), refusedBefore, `refused: ${people.map((p) => p.refusals.join(', ')).join(' | ')}`)
        } finally {
          people.forEach(leave)
        }
      }),
      { numRuns: 40 },
    )
  })
})
