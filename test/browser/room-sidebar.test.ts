import { expect } from '@open-wc/testing'
import '../../client/chat/room-sidebar.js'
import type { RoomSidebar } from '../../client/chat/room-sidebar.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { providing, receive, waitFor, workspaceFor, FOUR_ROOMS } from './workspace-fixture.js'

async function sidebarFor(workspace: Workspace): Promise<RoomSidebar> {
  const sidebar = document.createElement('room-sidebar')
  providing(workspace).append(sidebar)
  await sidebar.updateComplete
  return sidebar
}

const labels = (sidebar: RoomSidebar, selector: string) =>
  [...sidebar.shadowRoot!.querySelectorAll(selector)].map((link) => link.getAttribute('aria-label'))

describe('<room-sidebar>', () => {
  let workspace: Workspace

  beforeEach(async () => {
    workspace = await workspaceFor(FOUR_ROOMS)
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it('puts pings on top as avatars named after the other person, then rooms alphabetically', async () => {
    const sidebar = await sidebarFor(workspace)
    expect(labels(sidebar, 'a.ping')).to.deep.equal(['Ping with David Heinemeier Hansson'])
    expect(sidebar.shadowRoot!.querySelector('a.ping .avatar')?.textContent).to.equal('DH')
    expect(labels(sidebar, 'li a')).to.deep.equal(['All Talk', 'Designers', 'watercooler'])
  })

  it('marks a room unread when someone else wrote after kevin last read it', async () => {
    receive(workspace, 'designers', [{ id: 'jz.1', author: 'jz', createdAt: 2000, body: 'New logo is up' }])
    receive(workspace, 'watercooler', [{ id: 'kevin.1', author: 'kevin', createdAt: 3000, body: 'My own words' }])
    const sidebar = await sidebarFor(workspace)
    await waitFor(() => labels(sidebar, 'li a').includes('Designers, unread'))
    expect(labels(sidebar, 'li a')).to.deep.equal(['All Talk', 'Designers, unread', 'watercooler'])

    workspace.markRead('designers')
    await waitFor(() => labels(sidebar, 'li a').includes('Designers'))
    expect(workspace.user.doc.getMap('reads').get('designers')).to.equal(2000)
  })

  it('hides a room kevin made invisible', async () => {
    workspace.user.doc.getMap('rooms').set('watercooler', { id: 'watercooler', name: 'watercooler', kind: 'open', members: [], involvement: 'invisible' })
    const sidebar = await sidebarFor(workspace)
    await waitFor(() => !labels(sidebar, 'li a').includes('watercooler'))
    expect(labels(sidebar, 'li a')).to.deep.equal(['All Talk', 'Designers'])
  })

  it('gives every control an accessible name', async () => {
    const sidebar = await sidebarFor(workspace)
    for (const button of sidebar.shadowRoot!.querySelectorAll('button')) {
      expect(button.getAttribute('aria-label') ?? button.textContent?.trim(), button.outerHTML).to.not.equal('')
    }
    expect(sidebar.shadowRoot!.querySelector('nav')?.getAttribute('aria-label')).to.equal('Rooms')
  })
})
