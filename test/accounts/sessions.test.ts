import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { as, call, startHearthWith, startHearthWithAccounts, watchDoc, within, type Hearth, type Person } from './helpers.js'

describe('first run', () => {
  let hearth: Hearth
  before(async () => (hearth = await startHearthWithAccounts()))
  after(() => hearth.stop())

  it('creates exactly one account when two first runs race', async () => {
    assert.deepEqual((await call(hearth.relay.port, 'GET', '/api/first-run')).body, { needed: true })
    const [a, b] = await Promise.all([
      call(hearth.relay.port, 'POST', '/api/first-run', { body: { name: 'David', email: 'david@example.com', password: 'david-password' } }),
      call(hearth.relay.port, 'POST', '/api/first-run', { body: { name: 'Kevin', email: 'kevin@example.com', password: 'kevin-password' } }),
    ])
    assert.deepEqual([a.status, b.status].sort(), [201, 409])
    const winner = a.status === 201 ? a : b
    assert.equal(winner.body.user.role, 'administrator')
    assert.ok(winner.token, 'the winner is signed in')
    const count = (hearth.relay.accounts.people.all()).length
    assert.equal(count, 1)
    const rooms = (await call(hearth.relay.port, 'GET', '/api/rooms', { token: winner.token })).body.rooms
    assert.deepEqual(rooms.map((room: { name: string; kind: string }) => [room.name, room.kind]), [['All Talk', 'open']])
  })

  it('answers 409 once the account exists', async () => {
    const again = await call(hearth.relay.port, 'POST', '/api/first-run', { body: { name: 'JZ', email: 'jz@example.com', password: 'jz-password' } })
    assert.equal(again.status, 409)
    assert.equal(again.body.error, 'conflict')
    assert.deepEqual((await call(hearth.relay.port, 'GET', '/api/first-run')).body, { needed: false })
  })
})

describe('signing in and out', () => {
  let hearth: Hearth
  let david: Person
  before(async () => ({ hearth, david } = await startHearthWith()))
  after(() => hearth.stop())

  it('signs in with an httpOnly SameSite=Lax cookie and stores only a hash of the token', async () => {
    const answer = await call(hearth.relay.port, 'POST', '/api/session', { body: { email: 'David@Example.com', password: david.password } })
    assert.equal(answer.status, 201)
    const cookie = [answer.headers['set-cookie']].flat()[0]!
    assert.match(cookie, /HttpOnly/)
    assert.match(cookie, /SameSite=Lax/)
    assert.equal(JSON.stringify(answer.body).includes(answer.token!), false, 'the token is not in the body')
    const me = await call(hearth.relay.port, 'GET', '/api/me', { token: answer.token, asCookie: true })
    assert.deepEqual([me.body.id, me.body.name, me.body.role], [david.id, 'David', 'administrator'])
    const { Database } = { Database: (await import('better-sqlite3')).default }
    const db = new Database(`${hearth.dataDir}/hearth.db`, { readonly: true })
    const stored = db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[]
    db.close()
    assert.ok(stored.length >= 2)
    assert.ok(stored.every((row) => row.token_hash !== answer.token && !row.token_hash.includes(answer.token!)))
  })

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await call(hearth.relay.port, 'POST', '/api/session', { body: { email: david.email, password: 'not-his-password' }, from: '127.0.0.2' })
    const unknown = await call(hearth.relay.port, 'POST', '/api/session', { body: { email: 'nobody@example.com', password: 'whatever1' }, from: '127.0.0.2' })
    assert.equal(wrong.status, 401)
    assert.deepEqual(wrong.body, unknown.body)
    assert.equal(wrong.token, undefined)
  })

  it('answers 429 after ten sign-in attempts from one address within three minutes, and not to other addresses', async () => {
    const attempt = (from: string) => call(hearth.relay.port, 'POST', '/api/session', { body: { email: david.email, password: 'guess-guess' }, from })
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await attempt('127.0.0.3')).status)
    assert.deepEqual(statuses, [...Array(10).fill(401), 429])
    const right = await call(hearth.relay.port, 'POST', '/api/session', { body: { email: david.email, password: david.password }, from: '127.0.0.3' })
    assert.equal(right.status, 429, 'even the right password waits')
    assert.equal(right.headers['retry-after'], '180')
    assert.equal((await attempt('127.0.0.4')).status, 401)
  })

  it('signs out, ending that session and its live sockets within a second, and no other session', async () => {
    const laptop = (await call(hearth.relay.port, 'POST', '/api/session', { body: { email: david.email, password: david.password } })).token!
    const phone = (await call(hearth.relay.port, 'POST', '/api/session', { body: { email: david.email, password: david.password } })).token!
    const onLaptop = watchDoc(hearth, 'account', { token: laptop })
    const onPhone = watchDoc(hearth, 'account', { token: phone })
    assert.equal(await onLaptop.opened, 101)
    assert.equal(await onPhone.opened, 101)
    const out = await call(hearth.relay.port, 'DELETE', '/api/session', { token: laptop, asCookie: true })
    assert.equal(out.status, 204)
    assert.match(String(out.headers['set-cookie']), /hearth_session=;.*Max-Age=0/)
    const closed = await within(1000, onLaptop.closed, 'closing the signed-out socket')
    assert.equal(closed.code, 4401)
    assert.equal((await call(hearth.relay.port, 'GET', '/api/me', { token: laptop })).status, 401)
    assert.equal(await watchDoc(hearth, 'account', { token: laptop }).opened, 401)
    assert.equal(onPhone.ws.readyState, onPhone.ws.OPEN)
    assert.equal((await call(hearth.relay.port, 'GET', '/api/me', { token: phone })).status, 200)
    onPhone.ws.close()
  })

  it('ends every other session, sockets included, when a person changes their password', async () => {
    const signIn = (password: string) => call(hearth.relay.port, 'POST', '/api/session', { body: { email: david.email, password }, from: '127.0.0.5' })
    const laptop = (await signIn(david.password)).token!
    const phone = (await signIn(david.password)).token!
    const onPhone = watchDoc(hearth, 'account', { token: phone })
    assert.equal(await onPhone.opened, 101)
    const changed = await call(hearth.relay.port, 'PATCH', '/api/me', { token: laptop, body: { password: 'a-much-better-password' } })
    assert.equal(changed.status, 200)
    assert.equal((await within(1000, onPhone.closed, 'closing the other session')).code, 4401)
    assert.equal((await call(hearth.relay.port, 'GET', '/api/me', { token: phone })).status, 401)
    assert.equal((await call(hearth.relay.port, 'GET', '/api/me', { token: laptop })).status, 200, 'the session that changed it stays')
    assert.equal((await signIn(david.password)).status, 401)
    assert.equal((await signIn('a-much-better-password')).status, 201)
    david = { ...david, password: 'a-much-better-password', token: laptop }
  })

  it('refuses state-changing requests from other origins', async () => {
    const forged = await call(hearth.relay.port, 'POST', '/api/rooms', {
      token: david.token,
      asCookie: true,
      body: { name: 'Phishing', kind: 'open' },
      headers: { origin: 'https://evil.example' },
    })
    assert.equal(forged.status, 403)
    assert.equal(forged.body.error, 'cross_origin')
    const ours = await call(hearth.relay.port, 'POST', '/api/rooms', {
      token: david.token,
      asCookie: true,
      body: { name: 'Designers', kind: 'open' },
      headers: { origin: `http://127.0.0.1:${hearth.relay.port}` },
    })
    assert.equal(ours.status, 201)
    const hijack = watchDoc(hearth, 'account', { token: david.token, asCookie: true, origin: 'https://evil.example' })
    assert.equal(await hijack.opened, 403)
  })

  it('answers bad bodies with 400 or 415 and an {error, message} body', async () => {
    const short = await as(hearth, david).patch('/api/me', { password: 'short' })
    assert.equal(short.status, 400)
    assert.equal(short.body.error, 'invalid')
    assert.match(short.body.message, /password/)
    const form = await call(hearth.relay.port, 'POST', '/api/session', { raw: { type: 'application/x-www-form-urlencoded', data: Buffer.from('email=a&password=b') } })
    assert.equal(form.status, 415)
    assert.equal((await call(hearth.relay.port, 'GET', '/api/nothing-here')).body.error, 'not_found')
  })
})
