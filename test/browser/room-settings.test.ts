import { expect } from '@open-wc/testing'
import { hearthApi, type Me, type Room } from '../../client/api/hearth-api.js'
import '../../client/chat/room-settings.js'
import type { RoomSettings } from '../../client/chat/room-settings.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { apiGet, davidOnAFreshRelay, joins, mirror, mirroredWorkspace, stopRelay } from './relay-fixture.js'
import { providing, waitFor, workspaceFor } from './workspace-fixture.js'

async function settingsFor(workspace: Workspace, roomId: string): Promise<RoomSettings> {
  const settings = document.createElement('room-settings')
  settings.roomId = roomId
  providing(workspace).append(settings)
  await settings.updateComplete
  return settings
}

const $ = <T extends Element>(settings: RoomSettings, selector: string) => settings.shadowRoot!.querySelector<T>(selector)
const gear = (settings: RoomSettings) => $<HTMLButtonElement>(settings, 'button[aria-label="Room settings"]')

function buttonNamed(settings: RoomSettings, name: string): HTMLButtonElement {
  const button = [...settings.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)
  if (!button) throw new Error(`no button "${name}"`)
  return button
}

async function opened(settings: RoomSettings, ready = 'input[name="name"]'): Promise<void> {
  gear(settings)!.click()
  await waitFor(() => $(settings, ready), 5000)
}

describe('<room-settings> with a real relay', () => {
  let me: Me
  let workspace: Workspace
  let kevinId: string
  let watercooler: Room
  const home = location.pathname

  beforeEach(async () => {
    me = await davidOnAFreshRelay()
    kevinId = (await joins('Kevin McConnell')).id
    const created = await hearthApi.createRoom({ name: 'Watercooler', kind: 'open', members: [] })
    watercooler = await hearthApi.room(created.id)
    workspace = await mirroredWorkspace(me)
  })

  afterEach(async () => {
    document.body.replaceChildren()
    history.replaceState(null, '', home)
    await workspace.live.stop()
  })

  it('lets an administrator rename a room and close it to the people chosen', async () => {
    const settings = await settingsFor(workspace, watercooler.id)
    await opened(settings)
    expect($<HTMLDialogElement>(settings, 'dialog')!.open).to.equal(true)
    expect($(settings, 'h2')!.textContent).to.equal('Settings for #Watercooler')
    $<HTMLInputElement>(settings, 'input[name="name"]')!.value = 'Water cooler'
    $<HTMLInputElement>(settings, 'input[value="closed"]')!.click()
    await settings.updateComplete
    const boxes = [...settings.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="member"]')]
    expect(boxes.map((box) => `${box.value}:${box.checked}`).sort()).to.deep.equal([`${me.id}:true`, `${kevinId}:true`].sort())
    boxes.find((box) => box.value === kevinId)!.click()
    buttonNamed(settings, 'Save').click()

    await waitFor(() => !$<HTMLDialogElement>(settings, 'dialog'), 5000)
    const { body } = await apiGet<Room>(`/api/rooms/${watercooler.id}`)
    expect([body.name, body.kind, body.members.join()]).to.deep.equal(['Water cooler', 'closed', me.id])
  })

  it('chooses the members of a closed room, and opens it to everyone again', async () => {
    await hearthApi.updateRoom(watercooler.id, { kind: 'closed' })
    await hearthApi.setRoomMembers(watercooler.id, [me.id])
    await mirror(workspace)
    const settings = await settingsFor(workspace, watercooler.id)
    await opened(settings)
    settings.shadowRoot!.querySelector<HTMLInputElement>(`input[name="member"][value="${kevinId}"]`)!.click()
    buttonNamed(settings, 'Save').click()
    await waitFor(() => !$(settings, 'dialog'), 5000)
    expect((await hearthApi.room(watercooler.id)).members).to.deep.equal([me.id, kevinId].sort())

    await opened(settings)
    $<HTMLInputElement>(settings, 'input[value="open"]')!.click()
    await settings.updateComplete
    expect($(settings, 'fieldset'), 'an open room has no member list').to.equal(null)
    buttonNamed(settings, 'Save').click()
    await waitFor(() => !$(settings, 'dialog'), 5000)
    expect((await hearthApi.room(watercooler.id)).kind).to.equal('open')
  })

  it('deletes a room after asking "Delete #name for everyone?", then leaves it', async () => {
    history.replaceState(null, '', `/rooms/${watercooler.id}`)
    const settings = await settingsFor(workspace, watercooler.id)
    await opened(settings)
    buttonNamed(settings, 'Delete room…').click()
    await settings.updateComplete
    expect($(settings, '.delete p')!.textContent).to.equal('Delete #Watercooler for everyone?')
    buttonNamed(settings, 'Delete for everyone').click()
    await waitFor(() => location.pathname === '/', 5000)
    expect((await apiGet(`/api/rooms/${watercooler.id}`)).status).to.equal(404)
  })

  it("shows the relay's refusal in the dialog", async () => {
    const settings = await settingsFor(workspace, watercooler.id)
    await opened(settings)
    $<HTMLInputElement>(settings, 'input[name="name"]')!.value = 'x'.repeat(101)
    buttonNamed(settings, 'Save').click()
    await waitFor(() => $(settings, '[role="alert"]'), 5000)
    expect($(settings, '[role="alert"]')!.textContent).to.match(/name/i)
    expect($<HTMLDialogElement>(settings, 'dialog')!.open, 'the dialog stays open').to.equal(true)
    expect((await hearthApi.room(watercooler.id)).name).to.equal('Watercooler')
  })

  it('says plainly that settings need the network when the relay cannot be reached', async () => {
    const settings = await settingsFor(workspace, watercooler.id)
    await stopRelay()
    gear(settings)!.click()
    await waitFor(() => $(settings, '[role="alert"]'), 5000)
    expect($(settings, '[role="alert"]')!.textContent).to.equal('You are offline: this needs a connection to Hearth.')
    expect($(settings, 'input[name="name"]'), 'nothing to edit without the room').to.equal(null)
  })
})

describe('<room-settings> permissions', () => {
  let workspace: Workspace

  beforeEach(async () => {
    // kevin is a member; david the administrator.
    workspace = await workspaceFor({
      watercooler: { name: 'watercooler', kind: 'open' },
      designers: { name: 'Designers', kind: 'closed', members: ['kevin', 'jz'] },
      'ping-david-kevin': { name: '', kind: 'ping', members: ['david', 'kevin'] },
    })
    const rooms = workspace.user.doc.getMap<Record<string, unknown>>('rooms')
    rooms.set('watercooler', { ...rooms.get('watercooler')!, creatorId: 'david' })
    rooms.set('designers', { ...rooms.get('designers')!, creatorId: 'kevin' })
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it("shows the gear to a room's creator but not to other members", async () => {
    expect(gear(await settingsFor(workspace, 'designers')), 'kevin made Designers').to.not.equal(null)
    expect(gear(await settingsFor(workspace, 'watercooler')), 'david made the watercooler').to.equal(null)
  })

  it('shows it to administrators for every room, and follows a change of role', async () => {
    const settings = await settingsFor(workspace, 'watercooler')
    expect(gear(settings)).to.equal(null)
    workspace.account.doc.getMap('users').set('kevin', { id: 'kevin', name: 'Kevin McConnell', role: 'administrator', status: 'active' })
    await waitFor(() => gear(settings))
  })

  it('offers only Delete in a ping, to any of its people', async () => {
    const settings = await settingsFor(workspace, 'ping-david-kevin')
    gear(settings)!.click()
    await waitFor(() => $(settings, 'dialog[open]'))
    expect($(settings, 'h2')!.textContent).to.equal('Ping with David Heinemeier Hansson')
    expect($(settings, 'input'), 'no name, no kind, no members').to.equal(null)
    buttonNamed(settings, 'Delete ping…').click()
    await settings.updateComplete
    expect($(settings, '.delete p')!.textContent).to.equal('Delete this ping for everyone?')
  })
})
