/**
 * The unread count where kevin sees it without opening the tab: the app badge and the title. The
 * badge is recorded by wrapping navigator.setAppBadge / clearAppBadge (the real ones still run).
 * And a room read while the tab was hidden is marked read when kevin comes back to it.
 */
import { expect } from '@open-wc/testing'
import '../../client/chat/room-view.js'
import { UnreadBadge } from '../../client/attention/unread-badge.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { providing, receive, waitFor, workspaceFor, FOUR_ROOMS } from './workspace-fixture.js'

const nav = Navigator.prototype
const realSet = nav.setAppBadge
const realClear = nav.clearAppBadge
let badges: number[] = []

function involve(workspace: Workspace, roomId: string, involvement: string): void {
  const rooms = workspace.user.doc.getMap('rooms')
  rooms.set(roomId, { ...(rooms.get(roomId) as Record<string, unknown>), involvement })
}

describe('Unread count in the app badge and the title', () => {
  let workspace: Workspace
  let badge: UnreadBadge | undefined

  beforeEach(async () => {
    badges = []
    document.title = 'Hearth'
    nav.setAppBadge = function (count?: number) {
      badges.push(count ?? 0)
      return realSet.call(this, count).catch(() => undefined)
    }
    nav.clearAppBadge = function () {
      badges.push(0)
      return realClear.call(this).catch(() => undefined)
    }
    workspace = await workspaceFor(FOUR_ROOMS)
  })

  afterEach(async () => {
    badge?.stop()
    badge = undefined
    nav.setAppBadge = realSet
    nav.clearAppBadge = realClear
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it('counts the rooms with messages kevin has not read, and goes back to none as he reads them', async () => {
    badge = new UnreadBadge(workspace)
    expect(document.title).to.equal('Hearth')
    expect(badges, 'a badge left from before is cleared').to.deep.equal([0])

    receive(workspace, 'designers', [{ id: 'jz.1', author: 'jz', createdAt: 2000, body: 'New logo is up' }])
    receive(workspace, 'ping-david-kevin', [{ id: 'david.1', author: 'david', createdAt: 3000, body: 'Got a minute?' }])
    receive(workspace, 'watercooler', [{ id: 'kevin.1', author: 'kevin', createdAt: 4000, body: 'My own words' }])
    await waitFor(() => document.title === '(2) Hearth')
    expect(badges.at(-1)).to.equal(2)

    workspace.markRead('designers')
    await waitFor(() => document.title === '(1) Hearth')
    expect(badges.at(-1)).to.equal(1)
    workspace.markRead('ping-david-kevin')
    await waitFor(() => document.title === 'Hearth')
    expect(badges.at(-1)).to.equal(0)
  })

  it('counts rooms set to nothing (still marked unread), not invisible ones', async () => {
    involve(workspace, 'watercooler', 'nothing')
    involve(workspace, 'designers', 'invisible')
    badge = new UnreadBadge(workspace)
    receive(workspace, 'watercooler', [{ id: 'david.1', author: 'david', createdAt: 2000, body: 'Quiet room' }])
    receive(workspace, 'designers', [{ id: 'jz.1', author: 'jz', createdAt: 2000, body: 'Hidden room' }])
    await waitFor(() => document.title === '(1) Hearth')
    expect(badges.at(-1)).to.equal(1)

    involve(workspace, 'designers', 'mentions')
    await waitFor(() => document.title === '(2) Hearth')
    expect(badges.at(-1)).to.equal(2)
  })

  it('puts the title back and clears the badge when it stops (signing out)', async () => {
    receive(workspace, 'designers', [{ id: 'jz.1', author: 'jz', createdAt: 2000, body: 'New logo is up' }])
    badge = new UnreadBadge(workspace)
    expect(document.title).to.equal('(1) Hearth')
    badge.stop()
    badge = undefined
    expect(document.title).to.equal('Hearth')
    expect(badges.at(-1)).to.equal(0)
  })

  it('marks a room read when kevin comes back to the tab it is open in, not while the tab is hidden', async () => {
    let visibility: DocumentVisibilityState = 'hidden'
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
    try {
      const view = document.createElement('room-view')
      view.roomId = 'designers'
      providing(workspace).append(view)
      await view.updateComplete
      receive(workspace, 'designers', [{ id: 'jz.1', author: 'jz', createdAt: 2000, body: 'New logo is up' }])
      await waitFor(() => view.shadowRoot!.querySelector('article.message'))
      await view.updateComplete
      expect(workspace.unread('designers'), 'nobody saw it yet').to.equal(true)

      visibility = 'visible'
      document.dispatchEvent(new Event('visibilitychange'))
      await waitFor(() => !workspace.unread('designers'))
      expect(workspace.user.doc.getMap('reads').get('designers')).to.equal(2000)
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState
    }
  })
})
