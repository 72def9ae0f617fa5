import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { characterCount, HybridClock, isBoostContent, isIdOf, mintId, ownerOfId } from '../../shared/room/index.js'

describe('message ids', () => {
  it('names the user who minted them', () => {
    const id = mintId('david')
    assert.match(id, /^david\.[0-9a-z]{26}$/)
    assert.equal(ownerOfId(id), 'david')
    assert.ok(isIdOf(id, 'david'))
    assert.ok(!isIdOf(id, 'kevin'))
  })

  it('sort in the order they were minted', () => {
    const ids = Array.from({ length: 50 }, () => mintId('jz').slice(3))
    assert.deepEqual([...ids].sort(), ids)
  })

  it('refuses ids without a ulid after the dot', () => {
    assert.equal(ownerOfId('kevin.1'), undefined)
    assert.equal(ownerOfId('.01hnzxd07m5cen5xa66emzsrzw'), undefined)
    assert.equal(ownerOfId('kevin'), undefined)
  })
})

describe('the hybrid clock', () => {
  it('follows the wall clock when it is ahead', () => {
    let now = 1_000
    const clock = new HybridClock(() => now)
    assert.equal(clock.tick(), 1_000)
    now = 2_000
    assert.equal(clock.tick(), 2_000)
  })

  it('never goes below a createdAt the writer has seen, even with a lagging wall clock', () => {
    const clock = new HybridClock(() => 1_000)
    clock.observe(5_000)
    assert.equal(clock.tick(), 5_001)
    assert.equal(clock.tick(), 5_002)
    clock.observe(4_000)
    assert.equal(clock.tick(), 5_003)
  })

  it('ignores values that are not times', () => {
    const clock = new HybridClock(() => 10)
    clock.observe('99999')
    clock.observe(Number.NaN)
    assert.equal(clock.tick(), 10)
  })
})

describe('boost content', () => {
  it('counts characters as a person does', () => {
    assert.equal(characterCount('👍'), 1)
    assert.equal(characterCount('👨‍👩‍👧‍👦'), 1)
    assert.equal(characterCount('🇨🇦'), 1)
  })

  it('allows up to 16 characters', () => {
    assert.ok(isBoostContent('🎉'))
    assert.ok(isBoostContent('sixteen chars ok'))
    assert.ok(!isBoostContent('seventeen chars!!'))
    assert.ok(!isBoostContent(''))
    assert.ok(!isBoostContent('a' + '\u0301'.repeat(80)))
  })
})
