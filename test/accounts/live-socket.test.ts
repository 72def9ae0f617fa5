import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eventually } from '../helpers/relay.js'
import { LiveTestClient } from '../helpers/live-client.js'
import { as, startHearthWith, type Hearth, type Person } from './helpers.js'

describe('the door on the multiplexed /live socket', () => {
  let hearth: Hearth
  let david: Person
  let kevin: Person
  before(async () => ({ hearth, david, kevin } = await startHearthWith(['Kevin'])))
  after(() => hearth.stop())

  const liveAs = async (person: Person) => {
    const client = new LiveTestClient(hearth.relay.port, { cookie: `hearth_session=${person.token}` })
    await client.ready
    return client
  }
  const refusals = (client: LiveTestClient) => client.relayMessages.filter((message) => message.kind === 'refused')

  it('refuses a non-member one doc by name and keeps serving the rest', async () => {
    const designers = (await as(hearth, kevin).post('/api/rooms', { name: 'Designers', kind: 'closed' })).body
    const client = await liveAs(david)
    const closed = client.open(`room:${designers.id}`)
    client.open('account')
    await eventually(() => assert.ok(client.synced.has('account')))
    assert.deepEqual(refusals(client).map((message) => [message.docName, 'code' in message && message.code]), [[`room:${designers.id}`, 4403]])
    assert.equal(closed.getMap('messages').size, 0)
    assert.equal(client.synced.has(`room:${designers.id}`), false, 'not a byte of the closed room')
    client.close()
  })

  it("ends a revoked member's room on the socket at once, and only that room", async () => {
    const secret = (await as(hearth, kevin).post('/api/rooms', { name: 'Secret', kind: 'closed', members: [david.id] })).body
    const client = await liveAs(david)
    client.open(`room:${secret.id}`)
    client.open('account')
    await eventually(() => assert.ok(client.synced.has(`room:${secret.id}`) && client.synced.has('account')))
    await as(hearth, kevin).put(`/api/rooms/${secret.id}/members`, { members: [] })
    await eventually(() => assert.deepEqual(refusals(client).map((message) => message.docName), [`room:${secret.id}`]), 1000)
    assert.equal(client.closeCode, undefined, 'the socket stays up for the other docs')
    client.close()
  })

  it('closes the whole socket with 4401 when its session signs out', async () => {
    const client = await liveAs(kevin)
    client.open('account')
    await eventually(() => assert.ok(client.synced.has('account')))
    assert.equal((await as(hearth, kevin).delete('/api/session')).status, 204)
    await eventually(() => assert.equal(client.closeCode, 4401), 1000)
  })
})
