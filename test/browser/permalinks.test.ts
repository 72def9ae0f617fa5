import { expect } from '@open-wc/testing'
import '../../client/chat/room-view.js'
import type { RoomView } from '../../client/chat/room-view.js'
import { messagePath, routeFor } from '../../client/app/routes.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { providing, receive, waitFor, workspaceFor } from './workspace-fixture.js'

const START = new Date('2026-11-20T09:00:00').getTime()

async function watercooler(workspace: Workspace, messageId?: string): Promise<RoomView> {
  const view = document.createElement('room-view')
  view.roomId = 'watercooler'
  view.messageId = messageId
  providing(workspace).append(view)
  await view.updateComplete
  return view
}

const row = (view: RoomView, id: string) => view.shadowRoot!.querySelector<HTMLElement>(`article[data-id="${id}"]`)

describe('permalinks and replies', () => {
  let workspace: Workspace

  beforeEach(async () => {
    workspace = await workspaceFor({ watercooler: { name: 'Watercooler', kind: 'open' } })
    receive(workspace, 'watercooler', Array.from({ length: 1000 }, (_, i) => ({
      id: `david.${String(i).padStart(4, '0')}`, author: i % 2 ? 'david' : 'jz', createdAt: START + i * 60_000, body: `message ${i}`,
    })))
  })

  afterEach(async () => {
    document.body.replaceChildren()
    history.replaceState(null, '', '/')
    await workspace.live.stop()
  })

  it('reads a permalink path as the room and the message', () => {
    expect(routeFor(messagePath('watercooler', 'david.0100'))).to.deep.equal({ page: 'chat', roomId: 'watercooler', messageId: 'david.0100' })
  })

  it('opens the room scrolled to an old message, highlighted, far outside the newest window', async () => {
    const view = await watercooler(workspace, 'david.0100')
    await waitFor(() => row(view, 'david.0100'))
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const target = row(view, 'david.0100')!
    expect(target.classList.contains('target')).to.equal(true)
    const box = target.getBoundingClientRect()
    const port = view.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect()
    expect(box.top >= port.top && box.bottom <= port.bottom, 'the message is on screen').to.equal(true)
    expect(row(view, 'david.0999'), 'the newest are not rendered').to.equal(null)
  })

  it('quotes a message into the composer with a permalink, which opens in the app when clicked', async () => {
    const view = await watercooler(workspace)
    await waitFor(() => row(view, 'david.0999'))
    const newest = row(view, 'david.0999')!
    newest.querySelector<HTMLElement>('summary')!.click()
    ;[...newest.querySelectorAll<HTMLButtonElement>('.items button')].find((b) => b.textContent === 'Reply')!.click()
    const textarea = view.shadowRoot!.querySelector('message-composer')!.shadowRoot!.querySelector('textarea')!
    await waitFor(() => textarea.value !== '')
    const link = `${location.origin}/rooms/watercooler/messages/david.0999`
    expect(textarea.value).to.equal(`> **David Heinemeier Hansson** [wrote](${link}):\n> message 999\n\n`)
    textarea.value += 'Agreed'
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }))
    await waitFor(() => view.shadowRoot!.querySelector('article:last-of-type blockquote a'))
    let routed = ''
    addEventListener('popstate', () => (routed = location.pathname), { once: true })
    view.shadowRoot!.querySelector<HTMLAnchorElement>('article:last-of-type blockquote a')!.click()
    expect(routed).to.equal('/rooms/watercooler/messages/david.0999')
  })
})
