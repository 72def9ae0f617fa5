import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { newId, pingId, PING_PREFIX } from '../../relay/accounts/ids.js'

describe('ids of people and rooms', () => {
  it('never contain a dot, so a message id names its author unambiguously', () => {
    for (let i = 0; i < 1000; i++) assert.match(newId(), /^[0-9a-z]{26}$/)
  })

  it('give a ping the same id for the same people in any order, and a different one for anyone else', () => {
    const person = fc.stringMatching(/^[0-9a-z]{26}$/)
    fc.assert(
      fc.property(fc.uniqueArray(person, { minLength: 2, maxLength: 8 }), person, (members, outsider) => {
        fc.pre(!members.includes(outsider))
        const id = pingId(members)
        assert.ok(id.startsWith(PING_PREFIX) && !id.includes('.'))
        assert.equal(pingId([...members].reverse()), id)
        assert.equal(pingId([...members, members[0]!]), id, 'repeating someone changes nothing')
        assert.notEqual(pingId([...members, outsider]), id)
        assert.notEqual(pingId(members.slice(1)), id)
      }),
      { numRuns: 200 },
    )
  })
})
