import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join as joinPath } from 'node:path'
import { after, before, describe, it } from 'node:test'
import * as Y from 'yjs'
import { messagesOf, postMessage } from '../../shared/room/index.js'
import { eventually, stockClient, synced } from '../helpers/relay.js'
import { as, startHearthWith, type Hearth, type Person } from './helpers.js'

const filesContain = (dataDir: string, text: string) =>
  readdirSync(dataDir).filter((file) => readFileSync(joinPath(dataDir, file)).includes(Buffer.from(text)))

describe('banning a person', () => {
  let hearth: Hearth
  let david: Person
  let kevin: Person
  let allTalk: string
  before(async () => {
    ;({ hearth, david, kevin } = await startHearthWith(['Kevin']))
    const { body } = await as(hearth, david).get('/api/rooms')
    allTalk = `room:${(body.rooms as Array<{ id: string; name: string }>).find((room) => room.name === 'All Talk')!.id}`
  })
  after(() => hearth.stop())

  it('removes their messages for everyone, and their text from the database files', async () => {
    const spam = 'buy-cheap-watches-at-example-dot-com'
    const davids = stockClient(hearth.relay.port, allTalk, new Y.Doc(), { token: david.token })
    const kevins = stockClient(hearth.relay.port, allTalk, new Y.Doc(), { token: kevin.token })
    await Promise.all([synced(davids.provider), synced(kevins.provider)])
    postMessage(davids.doc, david.id, { body: 'Welcome, Kevin' })
    for (let i = 0; i < 3; i++) postMessage(kevins.doc, kevin.id, { body: `${spam} #${i}` })
    await eventually(() => assert.equal(messagesOf(davids.doc).size, 4))
    await eventually(() => assert.ok(filesContain(hearth.dataDir, spam).length > 0, 'not yet'))

    const ban = await as(hearth, david).post(`/api/users/${kevin.id}/ban`)
    assert.ok(ban.status < 300, `ban answered ${ban.status}`)
    await eventually(() => {
      const bodies = [...messagesOf(davids.doc).values()].map((message) => message.get('body'))
      assert.deepEqual(bodies, ['Welcome, Kevin'])
    })
    await eventually(() => assert.deepEqual(filesContain(hearth.dataDir, spam), []))
    davids.provider.destroy()
    kevins.provider.destroy()
  })
})
