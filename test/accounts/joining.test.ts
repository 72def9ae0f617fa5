import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { as, call, join, nextAddress, startHearthWith, type Hearth, type Person } from './helpers.js'

describe('joining by code and transfer links', () => {
  let hearth: Hearth
  let david: Person
  before(async () => ({ hearth, david } = await startHearthWith()))
  after(() => hearth.stop())

  it('makes whoever joins by code a signed-in member of every open room', async () => {
    await as(hearth, david).post('/api/rooms', { name: 'Watercooler', kind: 'open' })
    await as(hearth, david).post('/api/rooms', { name: 'Designers', kind: 'closed' })
    const kevin = await join(hearth, david, 'Kevin')
    const me = await as(hearth, kevin).get('/api/me')
    assert.deepEqual([me.body.name, me.body.role], ['Kevin', 'member'])
    const rooms = (await as(hearth, kevin).get('/api/rooms')).body.rooms.map((room: { name: string }) => room.name).sort()
    assert.deepEqual(rooms, ['All Talk', 'Watercooler'])
  })

  it('stops accepting the old code once an administrator regenerates it', async () => {
    const old = (await as(hearth, david).get('/api/account')).body.joinCode
    const fresh = await as(hearth, david).post('/api/account/join-code')
    assert.equal(fresh.status, 201)
    assert.notEqual(fresh.body.joinCode, old)
    const signup = { name: 'JZ', email: 'jz@example.com', password: 'jz-password' }
    assert.equal((await call(hearth.relay.port, 'POST', `/api/join/${old}`, { body: signup })).status, 404)
    assert.equal((await call(hearth.relay.port, 'GET', `/api/join/${fresh.body.joinCode}`)).body.accountName, 'Hearth')
    const joined = await call(hearth.relay.port, 'POST', `/api/join/${fresh.body.joinCode}`, { body: signup })
    assert.equal(joined.status, 201)
    assert.equal((await call(hearth.relay.port, 'POST', `/api/join/${fresh.body.joinCode}`, { body: signup })).status, 409, 'one person per email')
  })

  it('shows the join code to administrators only, and lets only them regenerate it', async () => {
    const kevin = await join(hearth, david, 'Kevin2')
    assert.equal((await as(hearth, kevin).get('/api/account')).body.joinCode, undefined)
    assert.equal((await as(hearth, kevin).post('/api/account/join-code')).status, 403)
  })

  it('signs a person in on another device with a transfer link, once', async () => {
    const kevin = await join(hearth, david, 'Kevin3')
    const link = await as(hearth, kevin).post(`/api/users/${kevin.id}/transfer-link`)
    assert.equal(link.status, 201)
    assert.ok(link.body.expiresAt - Date.now() > 3.9 * 3600_000 && link.body.expiresAt - Date.now() <= 4 * 3600_000)
    const token = link.body.path.split('/').pop()
    const phone = await call(hearth.relay.port, 'POST', `/api/session/transfer/${token}`, { from: nextAddress() })
    assert.equal(phone.status, 201)
    assert.equal((await call(hearth.relay.port, 'GET', '/api/me', { token: phone.token })).body.id, kevin.id)
    assert.equal((await call(hearth.relay.port, 'POST', `/api/session/transfer/${token}`, { from: nextAddress() })).status, 404, 'single use')
  })

  it('lets an administrator make a transfer link for anyone, and nobody else make one for others', async () => {
    const kevin = await join(hearth, david, 'Kevin4')
    const jz = await join(hearth, david, 'Jz4')
    assert.equal((await as(hearth, jz).post(`/api/users/${kevin.id}/transfer-link`)).status, 403)
    const recovery = await as(hearth, david).post(`/api/users/${kevin.id}/transfer-link`)
    assert.equal(recovery.status, 201)
    const signedIn = await call(hearth.relay.port, 'POST', `/api/session/transfer/${recovery.body.path.split('/').pop()}`, { from: nextAddress() })
    assert.equal(signedIn.body.user.id, kevin.id)
  })

  it('refuses an expired transfer link', async () => {
    const kevin = await join(hearth, david, 'Kevin5')
    const { token } = hearth.relay.accounts.sessions.makeTransferLink(kevin.id)
    const db = (await import('better-sqlite3')).default
    const file = new db(`${hearth.dataDir}/hearth.db`)
    file.prepare('UPDATE transfer_links SET expires_at = ?').run(Date.now() - 1)
    file.close()
    assert.equal((await call(hearth.relay.port, 'POST', `/api/session/transfer/${token}`, { from: nextAddress() })).status, 404)
  })
})
