import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as Y from 'yjs'
import type { Ban } from '../../relay/accounts/accounts.js'
import { eventually, stockClient, synced } from '../helpers/relay.js'
import { as, call, join, startHearthWith, watchDoc, within, type Hearth, type Person } from './helpers.js'

/** A person's own view of a server-written doc, through a stock provider and their token. */
function open(hearth: Hearth, person: Person, docName: string) {
  return stockClient(hearth.relay.port, docName, new Y.Doc(), { token: person.token })
}

const roomsIn = (doc: Y.Doc) => doc.getMap('rooms').toJSON() as Record<string, { name: string; kind: string; members: string[]; involvement: string }>
const usersIn = (doc: Y.Doc) => doc.getMap('users').toJSON() as Record<string, { name: string; role: string; status: string }>

describe('server-written docs follow SQLite', () => {
  let hearth: Hearth
  let david: Person
  let kevin: Person
  let jz: Person
  before(async () => ({ hearth, david, kevin, jz } = await startHearthWith(['Kevin', 'JZ'])))
  after(() => hearth.stop())

  it("shows each person their rooms in user:<id>, and changes them within a second of a membership change", async () => {
    const mine = open(hearth, jz, `user:${jz.id}`)
    await synced(mine.provider)
    await eventually(() => assert.deepEqual(Object.values(roomsIn(mine.doc)).map((room) => room.name), ['All Talk']))
    const allTalk = Object.values(roomsIn(mine.doc))[0]!
    assert.deepEqual([allTalk.kind, allTalk.involvement, [...allTalk.members].sort()], ['open', 'mentions', [david.id, kevin.id, jz.id].sort()])

    const designers = (await as(hearth, kevin).post('/api/rooms', { name: 'Designers', kind: 'closed', members: [jz.id] })).body
    let started = Date.now()
    await eventually(() => assert.deepEqual(roomsIn(mine.doc)[designers.id]?.members, [kevin.id, jz.id].sort()), 1000)
    assert.ok(Date.now() - started < 1000)

    await as(hearth, jz).put(`/api/rooms/${designers.id}/involvement`, { involvement: 'everything' })
    await eventually(() => assert.equal(roomsIn(mine.doc)[designers.id]?.involvement, 'everything'), 1000)

    await as(hearth, kevin).patch(`/api/rooms/${designers.id}`, { name: 'Design' })
    await eventually(() => assert.equal(roomsIn(mine.doc)[designers.id]?.name, 'Design'), 1000)

    started = Date.now()
    await as(hearth, kevin).put(`/api/rooms/${designers.id}/members`, { members: [] })
    await eventually(() => assert.equal(roomsIn(mine.doc)[designers.id], undefined), 1000)
    mine.provider.destroy()
  })

  it('keeps people and open rooms in the account doc', async () => {
    const account = open(hearth, kevin, 'account')
    await synced(account.provider)
    await eventually(() => assert.deepEqual(Object.values(usersIn(account.doc)).map((user) => user.name).sort(), ['David', 'JZ', 'Kevin']))
    assert.equal(account.doc.getMap('account').get('name'), 'Hearth')
    await as(hearth, david).patch(`/api/users/${jz.id}`, { role: 'bot' })
    await as(hearth, jz).patch('/api/me', { bio: 'Makes things pretty' })
    const watercooler = (await as(hearth, kevin).post('/api/rooms', { name: 'Watercooler', kind: 'open' })).body
    await eventually(() => {
      assert.deepEqual([usersIn(account.doc)[jz.id]?.role, (usersIn(account.doc)[jz.id] as { bio?: string }).bio], ['bot', 'Makes things pretty'])
      assert.equal((account.doc.getMap('rooms').toJSON() as Record<string, { name: string }>)[watercooler.id]?.name, 'Watercooler')
    }, 1000)
    await as(hearth, david).patch(`/api/users/${jz.id}`, { role: 'member' })
    account.provider.destroy()
  })

  it("names each room's creator in both docs, so the client knows who may change its settings", async () => {
    const designers = (await as(hearth, kevin).post('/api/rooms', { name: 'Creators', kind: 'closed', members: [jz.id] })).body
    const lounge = (await as(hearth, jz).post('/api/rooms', { name: 'Lounge', kind: 'open' })).body
    const mine = open(hearth, jz, `user:${jz.id}`)
    const account = open(hearth, jz, 'account')
    await Promise.all([synced(mine.provider), synced(account.provider)])
    const creatorOf = (doc: Y.Doc, id: string) => (doc.getMap('rooms').toJSON() as Record<string, { creatorId?: string }>)[id]?.creatorId
    await eventually(() => {
      assert.equal(creatorOf(mine.doc, designers.id), kevin.id, 'the closed room names kevin in jz\'s user doc')
      assert.equal(creatorOf(mine.doc, lounge.id), jz.id, 'the open room names jz in her user doc')
      assert.equal(creatorOf(account.doc, lounge.id), jz.id, 'the open room names jz in the account doc')
    }, 1000)
    mine.provider.destroy()
    account.provider.destroy()
  })

  it("never opens another person's user doc", async () => {
    const peek = watchDoc(hearth, `user:${kevin.id}`, { token: jz.token })
    assert.equal(await peek.opened, 403)
    assert.equal(peek.frames.length, 0)
    assert.equal(await watchDoc(hearth, 'account').opened, 401, 'nobody signed in')
    assert.equal(await watchDoc(hearth, 'account', { token: 'made-up-token' }).opened, 401)
    assert.equal(await watchDoc(hearth, 'anything-else', { token: jz.token }).opened, 403)
  })

  it('writes only what changed: a refresh with nothing new stores nothing', async () => {
    const doc = await hearth.relay.docs.open('account')
    const rows = doc.storedUpdates.length
    hearth.relay.accounts.live.refreshEverything()
    await hearth.relay.accounts.live.settled()
    assert.equal((await hearth.relay.docs.open('account')).storedUpdates.length, rows)
  })
})

describe('deactivating and banning', () => {
  let hearth: Hearth
  let david: Person
  let kevin: Person
  const bans: Ban[] = []
  before(async () => ({ hearth, david, kevin } = await startHearthWith(['Kevin'], { onBanned: (ban) => void bans.push(ban) })))
  after(() => hearth.stop())

  it('lets only administrators deactivate, and not themselves', async () => {
    const jz = await join(hearth, david, 'JZ')
    assert.equal((await as(hearth, jz).post(`/api/users/${kevin.id}/deactivation`)).status, 403)
    assert.equal((await as(hearth, david).post(`/api/users/${david.id}/deactivation`)).status, 403)
    assert.equal((await as(hearth, jz).post(`/api/users/${kevin.id}/ban`)).status, 403)
  })

  it("ends a deactivated person's sessions and sockets within a second and keeps them out", async () => {
    const leaving = await join(hearth, david, 'Leaving')
    const sockets = [watchDoc(hearth, 'account', { token: leaving.token }), watchDoc(hearth, `user:${leaving.id}`, { token: leaving.token })]
    for (const socket of sockets) assert.equal(await socket.opened, 101)
    const started = Date.now()
    assert.equal((await as(hearth, david).post(`/api/users/${leaving.id}/deactivation`)).body.status, 'deactivated')
    for (const socket of sockets) assert.equal((await within(1000, socket.closed, 'closing a deactivated socket')).code, 4401)
    assert.ok(Date.now() - started < 1000)
    assert.equal((await as(hearth, leaving).get('/api/me')).status, 401)
    const again = await call(hearth.relay.port, 'POST', '/api/session', { body: { email: leaving.email, password: leaving.password }, from: leaving.from })
    assert.equal(again.status, 401)
    assert.equal(await watchDoc(hearth, 'account', { token: leaving.token }).opened, 401)
    const account = stockClient(hearth.relay.port, 'account', new Y.Doc(), { token: kevin.token })
    await eventually(() => assert.equal(usersIn(account.doc)[leaving.id]?.status, 'deactivated'))
    const allTalk = (await as(hearth, kevin).get('/api/rooms')).body.rooms[0]
    assert.ok(!allTalk.members.includes(leaving.id), 'no longer listed among the members')
    account.provider.destroy()
  })

  it("bans: sockets end at once, the person's addresses may no longer write, and onBanned hears of it", async () => {
    const mallory = await join(hearth, david, 'Mallory', '127.0.0.66')
    await call(hearth.relay.port, 'POST', '/api/session', { body: { email: mallory.email, password: mallory.password }, from: '127.0.0.67' })
    const socket = watchDoc(hearth, 'account', { token: mallory.token, from: '127.0.0.66' })
    assert.equal(await socket.opened, 101)
    const banned = await as(hearth, david).post(`/api/users/${mallory.id}/ban`)
    assert.equal(banned.body.status, 'banned')
    assert.equal((await within(1000, socket.closed, 'closing a banned socket')).code, 4403)

    const allTalkId = (await as(hearth, david).get('/api/rooms')).body.rooms[0].id
    assert.deepEqual(bans.map((ban) => [ban.userId, ban.roomDocNames.includes(`room:${allTalkId}`)]), [[mallory.id, true]])

    for (const from of ['127.0.0.66', '127.0.0.67']) {
      const signIn = await call(hearth.relay.port, 'POST', '/api/session', { body: { email: kevin.email, password: kevin.password }, from })
      assert.equal(signIn.status, 403, `no writes from ${from}`)
      assert.equal(signIn.body.error, 'banned')
      assert.equal(await watchDoc(hearth, 'account', { token: kevin.token, from }).opened, 403, `no sockets from ${from}`)
    }
    assert.equal((await call(hearth.relay.port, 'GET', '/api/first-run', { from: '127.0.0.66' })).status, 200, 'reading is still allowed')
    const elsewhere = await call(hearth.relay.port, 'POST', '/api/session', { body: { email: mallory.email, password: mallory.password }, from: '127.0.0.68' })
    assert.equal(elsewhere.status, 401, 'the banned person cannot sign in from a new address either')
    assert.equal((await as(hearth, kevin).get('/api/me')).status, 200)
  })
})
