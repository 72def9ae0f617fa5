import { expect } from '@open-wc/testing'
import '../../client/chat/room-view.js'
import { WINDOW_SIZE, type RoomView } from '../../client/chat/room-view.js'
import { MAX_WINDOW } from '../../client/room/message-window.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { roomViewOf, receive, waitFor, workspaceFor } from './workspace-fixture.js'

const START = new Date('2026-11-20T09:00:00').getTime()

const articles = (view: RoomView) => [...view.shadowRoot!.querySelectorAll('article.message')] as HTMLElement[]
const scroller = (view: RoomView) => view.shadowRoot!.querySelector('.scroller') as HTMLElement

async function scrollTo(view: RoomView, edge: 'top' | 'bottom'): Promise<void> {
  const s = scroller(view)
  s.scrollTop = edge === 'top' ? 0 : s.scrollHeight
  s.dispatchEvent(new Event('scroll'))
  await view.updateComplete
  await new Promise((resolve) => requestAnimationFrame(resolve))
}

describe('<room-view>', () => {
  let workspace: Workspace

  beforeEach(async () => {
    workspace = await workspaceFor({ watercooler: { name: 'Watercooler', kind: 'open' } })
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it('opens a room of 10,000 messages by rendering only a window of the newest', async () => {
    receive(workspace, 'watercooler', Array.from({ length: 10_000 }, (_, i) => ({
      id: `david.${String(i).padStart(5, '0')}`, author: i % 3 ? 'david' : 'jz', createdAt: START + i * 60_000, body: `message ${i}`,
    })))
    const began = performance.now()
    const view = await roomViewOf(workspace, 'watercooler')
    await waitFor(() => articles(view).length > 0)
    const took = performance.now() - began
    expect(articles(view).length).to.equal(WINDOW_SIZE)
    expect(articles(view).at(-1)?.textContent).to.contain('message 9999')
    expect(took, `first render took ${took} ms`).to.be.lessThan(2000)
    console.log(`10,000-message room: first render in ${Math.round(took)} ms`)

    scroller(view).scrollTop = 0
    const firstShown = articles(view)[5]!
    const offsetBefore = firstShown.getBoundingClientRect().top - scroller(view).getBoundingClientRect().top
    scroller(view).dispatchEvent(new Event('scroll'))
    await waitFor(() => articles(view).length === 2 * WINDOW_SIZE)
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const offsetAfter = firstShown.getBoundingClientRect().top - scroller(view).getBoundingClientRect().top
    expect(Math.abs(offsetAfter - offsetBefore), 'the message the reader was looking at stays put').to.be.lessThan(3)

    for (let i = 0; i < 8; i++) await scrollTo(view, 'top')
    expect(articles(view).length).to.equal(MAX_WINDOW)
    expect(articles(view).at(-1)?.textContent, 'the newest dropped out of the DOM').not.to.contain('message 9999')
    for (let i = 0; i < 12 && !articles(view).at(-1)?.textContent?.includes('message 9999'); i++) await scrollTo(view, 'bottom')
    expect(articles(view).at(-1)?.textContent).to.contain('message 9999')
    expect(articles(view).length).to.be.at.most(MAX_WINDOW)
  })

  it('groups david’s messages within five minutes under one header and separates days', async () => {
    receive(workspace, 'watercooler', [
      { id: 'david.1', author: 'david', createdAt: START, body: 'Morning' },
      { id: 'david.2', author: 'david', createdAt: START + 60_000, body: 'Coffee?' },
      { id: 'jz.1', author: 'jz', createdAt: START + 120_000, body: 'Yes please' },
      { id: 'jz.2', author: 'jz', createdAt: START + 86_400_000, body: 'Next day' },
    ])
    const view = await roomViewOf(workspace, 'watercooler')
    await waitFor(() => articles(view).length === 4)
    expect(articles(view).map((a) => a.querySelector('.author')?.textContent ?? null)).to.deep.equal([
      'David Heinemeier Hansson', null, 'Jason Zimdars', 'Jason Zimdars',
    ])
    expect(view.shadowRoot!.querySelectorAll('[role=separator]').length).to.equal(2)
  })

  it('offers a jump to the newest when a message arrives while the reader is scrolled up', async () => {
    receive(workspace, 'watercooler', Array.from({ length: 60 }, (_, i) => ({ id: `david.${i + 10}`, author: 'david', createdAt: START + i * 1000, body: `line ${i}` })))
    const view = await roomViewOf(workspace, 'watercooler')
    await waitFor(() => articles(view).length === 60)
    scroller(view).scrollTop = 0
    scroller(view).dispatchEvent(new Event('scroll'))
    receive(workspace, 'watercooler', [{ id: 'jz.99', author: 'jz', createdAt: START + 100_000, body: 'Look at this' }])
    await waitFor(() => view.shadowRoot!.querySelector('button.jump'))
    expect(scroller(view).scrollTop).to.equal(0)
    ;(view.shadowRoot!.querySelector('button.jump') as HTMLButtonElement).click()
    await waitFor(() => !view.shadowRoot!.querySelector('button.jump'))
    const s = scroller(view)
    expect(s.scrollHeight - s.scrollTop - s.clientHeight).to.be.lessThan(5)
  })

  it('shows a message kevin sends at once, marked as not delivered while no relay has it', async () => {
    const view = await roomViewOf(workspace, 'watercooler')
    const composer = view.shadowRoot!.querySelector('message-composer')!
    await composer.updateComplete
    const textarea = composer.shadowRoot!.querySelector('textarea')!
    textarea.value = 'Writing from the train'
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }))
    await waitFor(() => articles(view).length === 1)
    const [sent] = articles(view)
    expect(sent?.dataset.delivered).to.equal('no')
    expect(sent?.textContent).to.contain('Not delivered yet')
    expect(textarea.value).to.equal('')
    expect(workspace.pendingChanges()).to.equal(1)
  })
})
