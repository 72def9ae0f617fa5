import { expect } from '@open-wc/testing'
import { hearthApi, type Me, type Profile } from '../../client/api/hearth-api.js'
import '../../client/chat/room-sidebar.js'
import '../../client/chat/room-view.js'
import '../../client/people/profile-page.js'
import type { ProfilePage } from '../../client/people/profile-page.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { apiGet, davidOnAFreshRelay, mirroredWorkspace, PASSWORD } from './relay-fixture.js'
import { providing, receive, waitFor, workspaceFor } from './workspace-fixture.js'

async function pageFor(workspace: Workspace): Promise<ProfilePage> {
  const page = document.createElement('profile-page')
  providing(workspace).append(page)
  await waitFor(() => page.shadowRoot?.querySelector('input[name="name"]'), 5000)
  return page
}

const $ = <T extends Element>(page: Element, selector: string) => page.shadowRoot!.querySelector<T>(selector)

function submit(page: ProfilePage, button: string) {
  const found = [...page.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === button)
  if (!found) throw new Error(`no button "${button}"`)
  found.click()
}

/** A real PNG of the given size in pixels, drawn on a canvas. */
async function png(size = 64): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = size
  const context = canvas.getContext('2d')!
  context.fillStyle = '#c0392b'
  context.fillRect(0, 0, size, size)
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/png'))
}

/** Chooses a file in the picture input, as a person does with the file picker. */
function choose(page: ProfilePage, file: File) {
  const input = $<HTMLInputElement>(page, 'input[type="file"]')!
  const transfer = new DataTransfer()
  transfer.items.add(file)
  input.files = transfer.files
  input.dispatchEvent(new Event('change', { bubbles: true }))
}

const statusOf = (page: ProfilePage, section: string) => $(page, `section[aria-labelledby="${section}"] [role="status"], section[aria-labelledby="${section}"] [role="alert"]`)?.textContent

describe('<profile-page> with a real relay', () => {
  let me: Me
  let workspace: Workspace

  beforeEach(async () => {
    me = await davidOnAFreshRelay()
    workspace = await mirroredWorkspace(me)
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it('changes my name and bio', async () => {
    const page = await pageFor(workspace)
    expect($<HTMLInputElement>(page, 'input[name="name"]')!.value).to.equal('David Heinemeier Hansson')
    $<HTMLInputElement>(page, 'input[name="name"]')!.value = 'DHH'
    $<HTMLTextAreaElement>(page, 'textarea[name="bio"]')!.value = 'Makes Campfire'
    submit(page, 'Save')
    await waitFor(() => statusOf(page, 'details'), 5000)
    expect(statusOf(page, 'details')).to.equal('Saved.')
    const { body } = await apiGet<Profile>('/api/me')
    expect([body.name, body.bio]).to.deep.equal(['DHH', 'Makes Campfire'])
  })

  it('uploads a picture, which then stands in for the initials', async () => {
    const page = await pageFor(workspace)
    expect($(page, '.face .avatar')!.textContent).to.equal('DH')
    expect($(page, '.face .avatar img'), 'initials until there is a picture').to.equal(null)
    choose(page, new File([await png()], 'me.png', { type: 'image/png' }))
    await waitFor(() => statusOf(page, 'picture'), 5000)
    expect(statusOf(page, 'picture')).to.equal('Picture updated.')

    const { body } = await apiGet<Profile>('/api/me')
    expect(body.avatar).to.match(new RegExp(`^/api/users/${me.id}/avatar\\?v=1$`))
    const img = $<HTMLImageElement>(page, '.face .avatar img')!
    expect(img.getAttribute('src')).to.equal(body.avatar)
    await waitFor(() => img.complete && img.naturalWidth > 0, 5000)
    expect(img.naturalWidth, 'the relay serves the uploaded image').to.equal(64)
  })

  it('refuses a file that is not a picture, or bigger than 512 KiB, before sending it', async () => {
    const page = await pageFor(workspace)
    choose(page, new File(['hello'], 'notes.txt', { type: 'text/plain' }))
    await waitFor(() => statusOf(page, 'picture'))
    expect(statusOf(page, 'picture')).to.equal('Pick a PNG, JPEG, WebP or GIF image.')
    choose(page, new File([new Uint8Array(512 * 1024 + 1)], 'huge.png', { type: 'image/png' }))
    await waitFor(() => statusOf(page, 'picture')?.includes('512 KiB'))
    expect((await apiGet<Profile>('/api/me')).body.avatar, 'nothing reached the relay').to.equal(null)
  })

  it('changes my password, and the new one signs in', async () => {
    const page = await pageFor(workspace)
    $<HTMLInputElement>(page, 'input[name="password"]')!.value = 'a brand new passphrase'
    submit(page, 'Change password')
    await waitFor(() => statusOf(page, 'password'), 5000)
    expect(statusOf(page, 'password')).to.equal('Password changed. Your other sessions were signed out.')
    const signIn = (password: string) =>
      fetch('/api/session', { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'david@example.com', password }) })
    expect((await signIn('a brand new passphrase')).status).to.equal(201)
    expect((await signIn(PASSWORD)).status).to.equal(401)
  })

  it("shows the relay's refusal (a name too long)", async () => {
    const page = await pageFor(workspace)
    $<HTMLInputElement>(page, 'input[name="name"]')!.value = 'x'.repeat(101)
    submit(page, 'Save')
    await waitFor(() => $(page, '[role="alert"]'), 5000)
    expect($(page, '[role="alert"]')!.textContent).to.match(/name/i)
    expect((await hearthApi.profile()).name).to.equal('David Heinemeier Hansson')
  })
})

describe('avatars', () => {
  let workspace: Workspace

  beforeEach(async () => {
    workspace = await workspaceFor({
      watercooler: { name: 'watercooler', kind: 'open' },
      'ping-david-kevin': { name: '', kind: 'ping', members: ['david', 'kevin'] },
    })
    // David uploaded a picture (the account doc carries its URL); kevin and jz have none.
    workspace.account.doc.getMap('users').set('david', { id: 'david', name: 'David Heinemeier Hansson', role: 'administrator', avatar: '/david.png' })
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it("draws the picture wherever david appears, initials for everyone else", async () => {
    receive(workspace, 'watercooler', [
      { id: 'david.1', author: 'david', createdAt: 1000, body: 'Hello' },
      { id: 'jz.1', author: 'jz', createdAt: 10 * 60_000, body: 'Hi' },
    ])
    const room = document.createElement('room-view')
    room.roomId = 'watercooler'
    const sidebar = document.createElement('room-sidebar')
    const host = providing(workspace)
    host.append(sidebar, room)
    await waitFor(() => room.shadowRoot?.querySelectorAll('article.message').length === 2)

    const faces = [...room.shadowRoot!.querySelectorAll('article.message .avatar')]
    expect(faces.map((face) => `${face.textContent}:${face.querySelector('img')?.getAttribute('src') ?? 'initials'}`)).to.deep.equal(['DH:/david.png', 'JZ:initials'])
    expect(sidebar.shadowRoot!.querySelector('a.ping .avatar img')?.getAttribute('src'), 'the ping with david').to.equal('/david.png')
    expect(sidebar.shadowRoot!.querySelector('footer .avatar img'), 'kevin has no picture').to.equal(null)
    expect(sidebar.shadowRoot!.querySelector('footer .avatar')!.textContent).to.equal('KM')
  })

  it('keeps the initials when the picture cannot load (offline: /api/ is never cached)', async () => {
    const sidebar = document.createElement('room-sidebar')
    providing(workspace).append(sidebar)
    await waitFor(() => sidebar.shadowRoot?.querySelector('a.ping .avatar img'))
    const img = sidebar.shadowRoot!.querySelector<HTMLImageElement>('a.ping .avatar img')!
    await waitFor(() => img.hidden, 5000)
    expect(sidebar.shadowRoot!.querySelector('a.ping .avatar')!.textContent).to.equal('DH')
  })

  it('links my name in the sidebar to my profile', async () => {
    const sidebar = document.createElement('room-sidebar')
    providing(workspace).append(sidebar)
    await sidebar.updateComplete
    const link = sidebar.shadowRoot!.querySelector<HTMLAnchorElement>('footer a.me')!
    expect([link.getAttribute('href'), link.textContent?.trim()]).to.deep.equal(['/profile', 'KMKevin McConnell'])
    expect(sidebar.shadowRoot!.querySelector('a.account')?.getAttribute('href')).to.equal('/account')
  })
})
