import assert from 'node:assert/strict'
import { join as joinPath } from 'node:path'
import { after, before, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { messagesOf, postMessage } from '../../shared/room/index.js'
import { eventually, stockClient, synced } from '../helpers/relay.js'
import { as, call, join, startHearthWith, watchDoc, within, type Hearth, type Person } from './helpers.js'

describe('rooms, pings and who may change them', () => {
  let hearth: Hearth
  let david: Person
  let kevin: Person
  let jz: Person
  before(async () => ({ hearth, david, kevin, jz } = await startHearthWith(['Kevin', 'JZ'])))
  after(() => hearth.stop())

  const roomNames = async (person: Person) =>
    ((await as(hearth, person).get('/api/rooms')).body.rooms as { name: string }[]).map((room) => room.name).sort()

  it('puts every active person in an open room, including those who join later', async () => {
    const watercooler = await as(hearth, kevin).post('/api/rooms', { name: 'Watercooler', kind: 'open' })
    assert.equal(watercooler.status, 201)
    assert.deepEqual(watercooler.body.members.sort(), [david.id, kevin.id, jz.id].sort())
    const newcomer = await join(hearth, david, 'Newcomer')
    assert.ok((await roomNames(newcomer)).includes('Watercooler'))
  })

  it('keeps a closed room to its chosen members: nobody else sees it or receives a byte of it', async () => {
    const designers = await as(hearth, kevin).post('/api/rooms', { name: 'Designers', kind: 'closed', members: [jz.id] })
    assert.deepEqual(designers.body.members.sort(), [kevin.id, jz.id].sort())
    assert.ok((await roomNames(jz)).includes('Designers'))
    assert.ok(!(await roomNames(david)).includes('Designers'), 'not even an administrator sees it')
    assert.equal((await as(hearth, david).get(`/api/rooms/${designers.body.id}`)).status, 404)
    const stranger = watchDoc(hearth, `room:${designers.body.id}`, { token: david.token })
    assert.equal(await stranger.opened, 403)
    const segment = watchDoc(hearth, `room:${designers.body.id}:2`, { token: david.token })
    assert.equal(await segment.opened, 403)
    assert.equal(stranger.frames.length + segment.frames.length, 0)
    const member = watchDoc(hearth, `room:${designers.body.id}`, { token: jz.token })
    assert.equal(await member.opened, 101)
    member.ws.close()
  })

  it('lets administrators and the creator rename a room and switch it open or closed, and nobody else', async () => {
    const room = (await as(hearth, kevin).post('/api/rooms', { name: 'Ideas', kind: 'open' })).body
    const byJz = await as(hearth, jz).patch(`/api/rooms/${room.id}`, { name: 'Mine now' })
    assert.equal(byJz.status, 403)
    assert.equal(byJz.body.error, 'forbidden')
    assert.equal((await as(hearth, jz).patch(`/api/rooms/${room.id}`, { kind: 'closed' })).status, 403)
    assert.equal((await as(hearth, kevin).patch(`/api/rooms/${room.id}`, { name: 'Good ideas' })).body.name, 'Good ideas')
    assert.equal((await as(hearth, david).patch(`/api/rooms/${room.id}`, { kind: 'closed' })).body.kind, 'closed')
    const reopened = await as(hearth, kevin).patch(`/api/rooms/${room.id}`, { kind: 'open' })
    assert.equal(reopened.body.kind, 'open')
  })

  it("lets administrators and the creator choose a closed room's members, ending a removed member's socket at once", async () => {
    const room = (await as(hearth, kevin).post('/api/rooms', { name: 'Secret plans', kind: 'closed', members: [jz.id] })).body
    assert.equal((await as(hearth, jz).put(`/api/rooms/${room.id}/members`, { members: [jz.id, david.id] })).status, 403)
    const jzSocket = watchDoc(hearth, `room:${room.id}`, { token: jz.token })
    assert.equal(await jzSocket.opened, 101)
    const started = Date.now()
    const edited = await as(hearth, david).put(`/api/rooms/${room.id}/members`, { members: [kevin.id, david.id] })
    assert.deepEqual(edited.body.members.sort(), [kevin.id, david.id].sort())
    const closed = await within(1000, jzSocket.closed, "closing the removed member's socket")
    assert.equal(closed.code, 4403)
    assert.ok(Date.now() - started < 1000)
    assert.equal(await watchDoc(hearth, `room:${room.id}`, { token: jz.token }).opened, 403)
    assert.equal(await watchDoc(hearth, `room:${room.id}`, { token: david.token }).opened, 101)
  })

  it('restricts creating rooms to administrators when the account says so', async () => {
    assert.equal((await as(hearth, kevin).patch('/api/account', { roomCreation: 'administrators' })).status, 403)
    assert.equal((await as(hearth, david).patch('/api/account', { roomCreation: 'administrators' })).body.roomCreation, 'administrators')
    assert.equal((await as(hearth, kevin).post('/api/rooms', { name: 'Not allowed', kind: 'open' })).status, 403)
    assert.equal((await as(hearth, david).post('/api/rooms', { name: 'Allowed', kind: 'open' })).status, 201)
    await as(hearth, david).patch('/api/account', { roomCreation: 'everyone' })
    assert.equal((await as(hearth, kevin).post('/api/rooms', { name: 'Allowed again', kind: 'open' })).status, 201)
  })

  it('finds the same ping again for the same set of people, whoever starts it', async () => {
    const first = await as(hearth, kevin).post('/api/pings', { members: [jz.id] })
    assert.equal(first.status, 201)
    assert.equal(first.body.kind, 'ping')
    assert.equal(first.body.involvement, 'everything')
    const again = await as(hearth, jz).post('/api/pings', { members: [kevin.id, jz.id] })
    assert.equal(again.status, 200)
    assert.equal(again.body.id, first.body.id)
    const trio = await as(hearth, jz).post('/api/pings', { members: [kevin.id, david.id] })
    assert.notEqual(trio.body.id, first.body.id)
    assert.ok(!first.body.id.includes('.'))
    assert.equal(await watchDoc(hearth, `room:${first.body.id}`, { token: david.token }).opened, 403, 'an outsider cannot open a ping')
    assert.equal((await as(hearth, kevin).patch(`/api/rooms/${first.body.id}`, { name: 'Renamed' })).status, 400)
  })

  it('lets any member of a ping delete it, ending its sockets, and nobody else', async () => {
    const ping = (await as(hearth, kevin).post('/api/pings', { members: [jz.id, david.id] })).body
    const outsider = await join(hearth, david, 'Outsider')
    assert.equal((await as(hearth, outsider).delete(`/api/rooms/${ping.id}`)).status, 404)
    const kevinSocket = watchDoc(hearth, `room:${ping.id}`, { token: kevin.token })
    assert.equal(await kevinSocket.opened, 101)
    assert.equal((await as(hearth, jz).delete(`/api/rooms/${ping.id}`)).status, 204)
    assert.equal((await within(1000, kevinSocket.closed, 'closing the deleted ping')).code, 4403)
    assert.equal((await as(hearth, kevin).get(`/api/rooms/${ping.id}`)).status, 404)
  })

  it('erases a deleted room’s stored messages from the database', async () => {
    const room = (await as(hearth, kevin).post('/api/rooms', { name: 'Soon gone', kind: 'open' })).body
    const docName = `room:${room.id}`
    const kevins = stockClient(hearth.relay.port, docName, new Y.Doc(), { token: kevin.token })
    await synced(kevins.provider)
    postMessage(kevins.doc, kevin.id, { body: 'This goes with the room' })
    const storedRows = () => {
      const db = new Database(joinPath(hearth.dataDir, 'hearth.db'), { readonly: true })
      try {
        const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE doc = ?`).get(docName) as { n: number }).n
        return count('doc_updates') + count('doc_snapshots')
      } finally {
        db.close()
      }
    }
    await eventually(() => assert.ok(storedRows() > 0, 'the message is stored'))
    assert.equal(messagesOf(kevins.doc).size, 1)
    assert.equal((await as(hearth, kevin).delete(`/api/rooms/${room.id}`)).status, 204)
    await eventually(() => assert.equal(storedRows(), 0, 'nothing of the room is left'))
    kevins.provider.destroy()
  })

  it('lets admins or the creator delete other rooms, and not other members', async () => {
    const room = (await as(hearth, kevin).post('/api/rooms', { name: 'Short-lived', kind: 'open' })).body
    assert.equal((await as(hearth, jz).delete(`/api/rooms/${room.id}`)).status, 403)
    assert.equal((await as(hearth, david).delete(`/api/rooms/${room.id}`)).status, 204)
  })

  it('lets each member set their own involvement in a room', async () => {
    const room = (await as(hearth, kevin).post('/api/rooms', { name: 'Announcements', kind: 'open' })).body
    assert.equal(room.involvement, 'mentions')
    const quiet = await as(hearth, jz).put(`/api/rooms/${room.id}/involvement`, { involvement: 'invisible' })
    assert.equal(quiet.body.involvement, 'invisible')
    assert.equal((await as(hearth, kevin).get(`/api/rooms/${room.id}`)).body.involvement, 'mentions', "kevin's stays his own")
    assert.equal((await as(hearth, jz).put(`/api/rooms/${room.id}/involvement`, { involvement: 'loud' })).status, 400)
    const secret = (await as(hearth, kevin).post('/api/rooms', { name: 'Kevin only', kind: 'closed' })).body
    assert.equal((await as(hearth, jz).put(`/api/rooms/${secret.id}/involvement`, { involvement: 'everything' })).status, 404)
  })

  it('lets administrators change roles, but not their own, and members not at all', async () => {
    assert.equal((await as(hearth, kevin).patch(`/api/users/${jz.id}`, { role: 'administrator' })).status, 403)
    assert.equal((await as(hearth, david).patch(`/api/users/${david.id}`, { role: 'member' })).status, 403)
    const kevinSocket = watchDoc(hearth, 'account', { token: kevin.token })
    assert.equal(await kevinSocket.opened, 101)
    const liveRole = () => [...hearth.relay.docs.get('account')!.peers].find((peer) => peer.principal.userId === kevin.id)?.principal.role
    assert.equal(liveRole(), 'member')
    assert.equal((await as(hearth, david).patch(`/api/users/${kevin.id}`, { role: 'administrator' })).body.role, 'administrator')
    assert.equal(liveRole(), 'administrator', 'the open socket speaks with the new role at once')
    kevinSocket.ws.close()
    assert.equal((await as(hearth, kevin).patch(`/api/users/${jz.id}`, { role: 'bot' })).body.role, 'bot')
    assert.equal((await as(hearth, kevin).patch(`/api/users/${jz.id}`, { role: 'member' })).body.role, 'member')
  })

  it('lets people edit their own name, bio and avatar', async () => {
    const edited = await as(hearth, jz).patch('/api/me', { name: 'Jason Zimdars', bio: 'Designer' })
    assert.deepEqual([edited.body.name, edited.body.bio], ['Jason Zimdars', 'Designer'])
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const avatar = await as(hearth, jz).put('/api/me/avatar', undefined)
    assert.equal(avatar.status, 415)
    const uploaded = await as(hearth, jz).post('/api/me/avatar', undefined)
    assert.equal(uploaded.status, 404)
    const put = await call(hearth.relay.port, 'PUT', '/api/me/avatar', { token: jz.token, from: jz.from, raw: { type: 'image/png', data: png } })
    assert.match(put.body.avatar, new RegExp(`^/api/users/${jz.id}/avatar\\?v=1$`))
    const served = await as(hearth, kevin).get(put.body.avatar)
    assert.equal(served.headers['content-type'], 'image/png')
    const svg = await call(hearth.relay.port, 'PUT', '/api/me/avatar', { token: jz.token, from: jz.from, raw: { type: 'image/svg+xml', data: Buffer.from('<svg/>') } })
    assert.equal(svg.status, 415)
  })
})
