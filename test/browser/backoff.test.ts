import { expect } from '@open-wc/testing'
import { reconnectDelay, BACKOFF_MAX_MS } from '../../client/live/backoff.js'

describe('reconnecting', () => {
  it('waits longer after each failure, up to a cap', () => {
    const middle = () => 0.5
    expect(reconnectDelay(0, middle)).to.be.lessThan(reconnectDelay(3, middle))
    expect(reconnectDelay(40, () => 1)).to.equal(BACKOFF_MAX_MS)
  })

  it('spreads tabs apart with jitter', () => {
    expect(reconnectDelay(5, () => 0)).to.not.equal(reconnectDelay(5, () => 0.9))
  })
})
