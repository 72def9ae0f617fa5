/**
 * Kevin sets his involvement from a room's menu, as a person does: the choice goes to the API, and
 * the relay's answer arrives through his user doc. The API here writes the user doc as the relay
 * does (the relay's side is covered in test/accounts/rooms.test.ts), or fails like a lost network.
 */
import { ContextProvider } from '@lit/context'
import { expect } from '@open-wc/testing'
import '../../client/chat/room-menu.js'
import '../../client/chat/room-sidebar.js'
import type { RoomMenu } from '../../client/chat/room-menu.js'
import type { RoomSidebar } from '../../client/chat/room-sidebar.js'
import { hearthApi, type HearthApi, type Involvement } from '../../client/api/hearth-api.js'
import { apiContext, workspaceContext } from '../../client/app/contexts.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { receive, waitFor, workspaceFor } from './workspace-fixture.js'

type Calls = Array<[string, Involvement]>

/** The API as the relay answers it: the new involvement lands in kevin's user doc. */
function relayLike(workspace: Workspace, calls: Calls): HearthApi {
  return {
    ...hearthApi,
    setInvolvement: async (roomId: string, involvement: Involvement) => {
      calls.push([roomId, involvement])
      const rooms = workspace.user.doc.getMap('rooms')
      rooms.set(roomId, { ...(rooms.get(roomId) as Record<string, unknown>), involvement })
      return { id: roomId, involvement }
    },
  }
}

/** The API with the network gone: fetch rejects with a TypeError. */
const offline: HearthApi = {
  ...hearthApi,
  setInvolvement: async () => {
    throw new TypeError('Failed to fetch')
  },
}

function providing(workspace: Workspace, api: HearthApi, ...elements: HTMLElement[]): void {
  const host = document.createElement('div')
  new ContextProvider(host, { context: workspaceContext, initialValue: workspace })
  new ContextProvider(host, { context: apiContext, initialValue: api })
  host.append(...elements)
  document.body.append(host)
}

function menuFor(roomId: string): RoomMenu {
  const menu = document.createElement('room-menu')
  menu.roomId = roomId
  return menu
}

const summary = (menu: RoomMenu) => menu.shadowRoot!.querySelector('summary')!
const radio = (menu: RoomMenu, value: Involvement) => menu.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!
const checked = (menu: RoomMenu) => menu.shadowRoot!.querySelector<HTMLInputElement>('input:checked')?.value
const roomLinks = (sidebar: RoomSidebar) => [...sidebar.shadowRoot!.querySelectorAll('li a')].map((link) => link.getAttribute('aria-label'))
const hidden = (sidebar: RoomSidebar) => sidebar.shadowRoot!.querySelector('hidden-rooms')!.shadowRoot!

describe('Involvement from the room menu', () => {
  let workspace: Workspace
  let calls: Calls

  beforeEach(async () => {
    calls = []
    workspace = await workspaceFor({
      watercooler: { name: 'watercooler', kind: 'open' },
      designers: { name: 'Designers', kind: 'closed', members: ['kevin', 'jz'] },
    })
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it('shows kevin his involvement in the room, each choice explained', async () => {
    const menu = menuFor('watercooler')
    providing(workspace, relayLike(workspace, calls), menu)
    await menu.updateComplete
    expect(summary(menu).getAttribute('aria-label')).to.equal('Notifications: Mentions')
    summary(menu).click()
    const labels = [...menu.shadowRoot!.querySelectorAll('label')].map((label) => label.querySelector('.name')?.textContent)
    expect(labels).to.deep.equal(['Everything', 'Mentions', 'Nothing', 'Invisible'])
    expect(checked(menu)).to.equal('mentions')
    const explained = menu.shadowRoot!.getElementById(radio(menu, 'nothing').getAttribute('aria-describedby')!)
    expect(explained?.textContent).to.contain('still marked unread')
  })

  it('changes kevin’s involvement through the API and shows the relay’s answer', async () => {
    const menu = menuFor('watercooler')
    providing(workspace, relayLike(workspace, calls), menu)
    await menu.updateComplete
    summary(menu).click()
    radio(menu, 'everything').click()
    await waitFor(() => summary(menu).getAttribute('aria-label') === 'Notifications: Everything')
    expect(calls).to.deep.equal([['watercooler', 'everything']])
    expect(workspace.rooms().get('watercooler')?.involvement).to.equal('everything')
    expect(menu.shadowRoot!.querySelector('details')!.open, 'the menu closes once it is done').to.equal(false)
  })

  it('takes a room kevin makes invisible out of the sidebar and its unread marks, and keeps it reachable', async () => {
    receive(workspace, 'designers', [{ id: 'jz.1', author: 'jz', createdAt: 2000, body: 'New logo is up' }])
    const sidebar = document.createElement('room-sidebar')
    sidebar.selected = 'designers'
    const menu = menuFor('designers')
    providing(workspace, relayLike(workspace, calls), sidebar, menu)
    await waitFor(() => roomLinks(sidebar).includes('Designers, unread'))
    expect(hidden(sidebar).querySelector('summary'), 'no hidden rooms yet').to.equal(null)

    summary(menu).click()
    radio(menu, 'invisible').click()
    await waitFor(() => !roomLinks(sidebar).some((label) => label?.startsWith('Designers')))
    expect(roomLinks(sidebar)).to.deep.equal(['watercooler'])
    await waitFor(() => hidden(sidebar).querySelector('summary'))
    expect(hidden(sidebar).querySelector('summary')?.textContent).to.equal('1 hidden room')
    const link = hidden(sidebar).querySelector('a')!
    expect(link.textContent).to.equal('Designers')
    expect(link.getAttribute('href')).to.equal('/rooms/designers')
    expect(link.getAttribute('aria-current'), 'the room on screen is shown among the hidden ones').to.equal('page')
    expect(hidden(sidebar).querySelector('details')!.open).to.equal(true)

    // From its menu, back to the sidebar.
    summary(menu).click()
    radio(menu, 'nothing').click()
    await waitFor(() => roomLinks(sidebar).includes('Designers, unread'))
    expect(hidden(sidebar).querySelector('summary')).to.equal(null)
  })

  it('says so when the relay cannot be reached, and keeps the choice that stands', async () => {
    const menu = menuFor('watercooler')
    providing(workspace, offline, menu)
    await menu.updateComplete
    summary(menu).click()
    radio(menu, 'invisible').click()
    await waitFor(() => menu.shadowRoot!.querySelector('[role=alert]'))
    expect(menu.shadowRoot!.querySelector('[role=alert]')?.textContent).to.contain('needs a connection')
    await menu.updateComplete
    expect(checked(menu)).to.equal('mentions')
    expect(summary(menu).getAttribute('aria-label')).to.equal('Notifications: Mentions')
    expect(workspace.rooms().get('watercooler')?.involvement).to.equal('mentions')
  })
})
