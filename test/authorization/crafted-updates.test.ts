import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as Y from 'yjs'
import { overlaps } from '../../relay/authorization/judgement.js'
import { IdSet } from '../../relay/docs/id-set.js'
import { readUpdateFacts } from '../../relay/docs/update-facts.js'
import { createWriteAuthorizer } from '../../relay/authorization/hearth-authorizer.js'
import { openDatabase } from '../../relay/storage/database.js'
import { editMessage, postMessage } from '../../shared/room/index.js'
import { tempDir } from '../helpers/relay.js'

describe('judging updates built to be expensive', () => {
  it('finds overlaps in a set of many gappy ranges', () => {
    const set = new IdSet()
    for (let clock = 0; clock < 10_000; clock += 2) set.add(7, clock, 1)
    assert.equal(overlaps(set, 7, 4, 1), true)
    assert.equal(overlaps(set, 7, 5, 1), false)
    assert.equal(overlaps(set, 7, 5, 2), true)
    assert.equal(overlaps(set, 7, 20_000, 5), false)
    assert.equal(overlaps(set, 8, 0, 1), false)
  })

  it('refuses a backlog of items hanging off ids the relay never had, in about linear time', () => {
    const db = openDatabase(tempDir())
    const authorizer = createWriteAuthorizer(db)
    // kevin's edits of 2,000 messages, without the messages: every item refers to one never sent.
    const offline = new Y.Doc()
    const ids = Array.from({ length: 2000 }, (_, i) => postMessage(offline, 'kevin', { body: `train ${i}` }))
    const posted = Y.encodeStateVector(offline)
    ids.forEach((id, i) => editMessage(offline, 'kevin', id, `edited ${i}`))
    const update = Y.encodeStateAsUpdate(offline, posted)
    const facts = readUpdateFacts(update)
    const began = performance.now()
    const refusal = authorizer.check({
      docName: 'room:crafted',
      writer: { userId: 'kevin', name: 'Kevin', role: 'member' },
      facts,
      newStructs: facts.created,
      newDeletes: new IdSet(),
    })
    const elapsed = performance.now() - began
    assert.equal(refusal?.reason, 'foreign-parent')
    assert.ok(elapsed < 1000, `took ${elapsed} ms`)
    db.close()
  })
})
