import { expect } from '@open-wc/testing'
import { MAX_WINDOW, WINDOW_STEP, newer, newest, older, rangeOf, type MessageWindow } from '../../client/room/message-window.js'

describe('the window of a room in the DOM', () => {
  it('starts with the newest messages', () => {
    expect(rangeOf(newest, 10_000)).to.deep.equal({ start: 10_000 - WINDOW_STEP, end: 10_000 })
    expect(rangeOf(newest, 12)).to.deep.equal({ start: 0, end: 12 })
  })

  it('grows upwards, then slides, never past its maximum, all the way to the first message', () => {
    let window: MessageWindow = newest
    let steps = 0
    for (let next = older(window, 10_000); next; next = older(window, 10_000)) {
      window = next
      steps++
      const { start, end } = rangeOf(window, 10_000)
      expect(end - start).to.be.at.most(MAX_WINDOW)
    }
    expect(rangeOf(window, 10_000).start).to.equal(0)
    expect(steps).to.be.greaterThan(100)
  })

  it('slides back down to following the newest', () => {
    let window: MessageWindow = { end: 1000, size: MAX_WINDOW }
    for (let next = newer(window, 10_000); next; next = newer(window, 10_000)) window = next
    expect(window.end).to.equal(undefined)
    expect(rangeOf(window, 10_000).end).to.equal(10_000)
  })

  it('has nothing newer while it follows the newest', () => {
    expect(newer(newest, 10_000)).to.equal(undefined)
  })
})
