import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SIGN_IN_LIMIT, SIGN_IN_WINDOW_MS, Throttle } from '../../relay/accounts/throttle.js'

describe('the sign-in throttle', () => {
  it('allows ten attempts per address in three minutes, then again once the oldest leaves the window', () => {
    let now = 1_000_000
    const throttle = new Throttle(SIGN_IN_LIMIT, SIGN_IN_WINDOW_MS, () => now)
    for (let i = 0; i < 10; i++) {
      assert.equal(throttle.attempt('203.0.113.7'), true)
      now += 1000
    }
    assert.equal(throttle.attempt('203.0.113.7'), false)
    assert.equal(throttle.attempt('198.51.100.2'), true, 'another address is counted apart')
    now = 1_000_000 + SIGN_IN_WINDOW_MS - 1
    assert.equal(throttle.attempt('203.0.113.7'), false, 'still within three minutes of the first attempt')
    now = 1_000_000 + SIGN_IN_WINDOW_MS + 1
    assert.equal(throttle.attempt('203.0.113.7'), true)
  })
})
