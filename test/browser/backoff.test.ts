import { expect } from '@open-wc/testing'
import { MalformedFrame, readLiveFrame, writeDocFrame, writeKeepalive, writeLeave, writeOpen, writeRefused, writeReset } from '../../client/live/live-frames.js'
import { reconnectDelay, BACKOFF_MAX_MS } from '../../client/live/backoff.js'
import { writeSyncStep1 } from '../../shared/protocol/sync-messages.js'

describe('frames on the live socket', () => {
  it('carries a y-websocket message for a named doc', () => {
    const message = writeSyncStep1(new Uint8Array([0]))
    const frame = readLiveFrame(writeDocFrame('room:watercooler', message))
    expect(frame).to.deep.equal({ kind: 'doc', docName: 'room:watercooler', message })
  })

  it('reads back every relay message it writes', () => {
    expect(readLiveFrame(writeOpen('account'))).to.deep.equal({ kind: 'open', docName: 'account' })
    expect(readLiveFrame(writeLeave('room:designers'))).to.deep.equal({ kind: 'leave', docName: 'room:designers' })
    expect(readLiveFrame(writeRefused('room:designers', 4403, 'not a member'))).to.deep.equal({ kind: 'refused', docName: 'room:designers', code: 4403, reason: 'not a member' })
    expect(readLiveFrame(writeReset('room:watercooler', 'foreign-item'))).to.deep.equal({ kind: 'reset', docName: 'room:watercooler', reason: 'foreign-item' })
    expect(readLiveFrame(writeKeepalive())).to.deep.equal({ kind: 'keepalive' })
  })

  it('calls an unknown relay message or trailing bytes malformed', () => {
    expect(() => readLiveFrame(new Uint8Array([0, 9]))).to.throw(MalformedFrame)
    expect(() => readLiveFrame(new Uint8Array([...writeKeepalive(), 1]))).to.throw(MalformedFrame)
    expect(() => readLiveFrame(new Uint8Array([]))).to.throw(MalformedFrame)
  })
})

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
