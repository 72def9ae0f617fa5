import { expect } from '@open-wc/testing'
import decodeQR from 'qr/decode.js'
import { hearthApi, type Me, type User } from '../../client/api/hearth-api.js'
import '../../client/people/account-page.js'
import type { AccountPage } from '../../client/people/account-page.js'
import type { JoinLink } from '../../client/people/join-link.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { apiGet, davidOnAFreshRelay, joins, mirror, mirroredWorkspace, stopRelay } from './relay-fixture.js'
import { providing, waitFor, workspaceFor } from './workspace-fixture.js'

async function pageFor(workspace: Workspace, ready: (page: AccountPage) => unknown): Promise<AccountPage> {
  const page = document.createElement('account-page')
  providing(workspace).append(page)
  await waitFor(() => page.shadowRoot && ready(page), 5000)
  return page
}

const $ = <T extends Element>(root: Element, selector: string) => root.shadowRoot!.querySelector<T>(selector)
const rowOf = (page: AccountPage, userId: string) => $<HTMLLIElement>(page, `li[data-user="${userId}"]`)!

function buttonIn(root: ParentNode, name: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)
  if (!button) throw new Error(`no button "${name}"`)
  return button
}

const joinLink = (page: AccountPage) => $<JoinLink>(page, 'join-link')!
const users = async () => (await apiGet<{ users: User[] }>('/api/users')).body.users

/** Reads the QR code's pixels back into text with the same library's decoder. */
async function decodeImage(img: HTMLImageElement): Promise<string> {
  await img.decode()
  const canvas = document.createElement('canvas')
  canvas.width = img.naturalWidth
  canvas.height = img.naturalHeight
  const context = canvas.getContext('2d')!
  context.drawImage(img, 0, 0)
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height)
  return decodeQR({ width, height, data })
}

describe('<account-page> for an administrator, with a real relay', () => {
  let me: Me
  let workspace: Workspace
  let kevin: User
  let jz: User

  beforeEach(async () => {
    me = await davidOnAFreshRelay()
    kevin = await joins('Kevin McConnell')
    jz = await joins('Jason Zimdars')
    workspace = await mirroredWorkspace(me)
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it('shows the join link in full, with a QR code that reads back as exactly that link', async () => {
    const page = await pageFor(workspace, (page) => $(page, 'join-link')?.shadowRoot?.querySelector('img.qr'))
    const { joinCode } = await hearthApi.account()
    const url = `${location.origin}/join/${joinCode}`
    expect($<HTMLInputElement>(joinLink(page), 'input')!.value).to.equal(url)
    expect(await decodeImage($<HTMLImageElement>(joinLink(page), 'img.qr')!)).to.equal(url)

    buttonIn(joinLink(page).shadowRoot!, 'Copy').click()
    await waitFor(() => $(joinLink(page), '[role="status"], [role="alert"]'), 5000)
    const said = $(joinLink(page), '[role="status"], [role="alert"]')!.textContent
    // Headless Chromium may refuse the clipboard: then the link is selected for copying by hand.
    if (said === 'Link copied.') expect(await navigator.clipboard.readText()).to.equal(url)
    else {
      expect(said).to.equal('Copying was refused here: the link is selected, copy it by hand.')
      const input = $<HTMLInputElement>(joinLink(page), 'input')!
      expect(input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0)).to.equal(url)
    }
  })

  it('makes a new link after asking, and the old one stops working', async () => {
    const page = await pageFor(workspace, (page) => $(page, 'join-link')?.shadowRoot?.querySelector('img.qr'))
    const { joinCode: old } = await hearthApi.account()
    buttonIn(joinLink(page).shadowRoot!, 'New link…').click()
    await joinLink(page).updateComplete
    expect(joinLink(page).shadowRoot!.textContent).to.contain('Make a new link? The current one stops working.')
    buttonIn(joinLink(page).shadowRoot!, 'Make a new link').click()
    await waitFor(() => $(joinLink(page), '[role="status"]'), 5000)
    const { joinCode } = await hearthApi.account()
    expect(joinCode).to.not.equal(old)
    expect($<HTMLInputElement>(joinLink(page), 'input')!.value).to.equal(`${location.origin}/join/${joinCode}`)
    expect(await decodeImage($<HTMLImageElement>(joinLink(page), 'img.qr')!)).to.equal(`${location.origin}/join/${joinCode}`)
    expect((await apiGet(`/api/join/${old}`)).status).to.equal(404)
  })

  it('renames the account and lets only administrators create rooms', async () => {
    const page = await pageFor(workspace, (page) => $(page, 'input[name="name"]'))
    $<HTMLInputElement>(page, 'input[name="name"]')!.value = '37signals'
    buttonIn(page.shadowRoot!, 'Save name').click()
    await waitFor(() => $(page, '[role="status"]'), 5000)
    const select = $<HTMLSelectElement>(page, 'section[aria-labelledby="account-title"] select')!
    select.value = 'administrators'
    select.dispatchEvent(new Event('change'))
    await waitFor(() => $(page, '[role="status"]')?.textContent === 'Saved who may create rooms.', 5000)
    const account = await hearthApi.account()
    expect([account.name, account.roomCreation]).to.deep.equal(['37signals', 'administrators'])
    expect($(page, 'h1')!.textContent).to.equal('37signals')
  })

  it('lists people with role and status, and acts on others but never on me', async () => {
    const page = await pageFor(workspace, (page) => $(page, `li[data-user="${kevin.id}"] select`))
    expect(rowOf(page, me.id).querySelector('.actions')!.children.length, 'no actions on myself').to.equal(0)
    expect(rowOf(page, me.id).querySelector('strong')!.textContent).to.equal('David Heinemeier Hansson (you)')
    expect(rowOf(page, kevin.id).querySelector('.status')!.textContent).to.equal('Member')

    const role = rowOf(page, kevin.id).querySelector('select')!
    role.value = 'administrator'
    role.dispatchEvent(new Event('change'))
    await waitFor(() => rowOf(page, kevin.id).querySelector('.status')!.textContent === 'Administrator', 5000)
    expect((await users()).find((user) => user.id === kevin.id)?.role).to.equal('administrator')
  })

  it('lists someone new as soon as the account doc does', async () => {
    const page = await pageFor(workspace, (page) => $(page, `li[data-user="${kevin.id}"]`))
    const ryan = await joins('Ryan Singer')
    expect($(page, `li[data-user="${ryan.id}"]`), 'not yet in the account doc').to.equal(null)
    await mirror(workspace)
    await waitFor(() => $(page, `li[data-user="${ryan.id}"] select`), 5000)
  })

  it('deactivates someone only after asking, and can still be talked out of it', async () => {
    const page = await pageFor(workspace, (page) => $(page, `li[data-user="${kevin.id}"] select`))
    buttonIn(rowOf(page, kevin.id), 'Deactivate…').click()
    await page.updateComplete
    expect(rowOf(page, kevin.id).querySelector('.more span')!.textContent).to.match(/^Deactivate Kevin McConnell\?/)
    buttonIn(rowOf(page, kevin.id), 'Cancel').click()
    await page.updateComplete
    expect(rowOf(page, kevin.id).querySelector('.more'), 'the question is gone').to.equal(null)
    expect((await users()).find((user) => user.id === kevin.id)?.status).to.equal('active')

    buttonIn(rowOf(page, kevin.id), 'Deactivate…').click()
    await page.updateComplete
    buttonIn(rowOf(page, kevin.id), 'Deactivate Kevin McConnell').click()
    await waitFor(() => rowOf(page, kevin.id).querySelector('.status')!.textContent === 'Member, deactivated', 5000)
    expect((await users()).find((user) => user.id === kevin.id)?.status).to.equal('deactivated')
    expect(rowOf(page, kevin.id).querySelector('.actions')!.children.length, 'nothing more to do to a deactivated person').to.equal(0)
  })

  it('bans someone after asking', async () => {
    const page = await pageFor(workspace, (page) => $(page, `li[data-user="${jz.id}"] select`))
    buttonIn(rowOf(page, jz.id), 'Ban…').click()
    await page.updateComplete
    expect(rowOf(page, jz.id).querySelector('.more span')!.textContent).to.match(/^Ban Jason Zimdars\?/)
    buttonIn(rowOf(page, jz.id), 'Ban Jason Zimdars').click()
    await waitFor(() => rowOf(page, jz.id).querySelector('.status')!.textContent === 'Member, banned', 5000)
    expect((await users()).find((user) => user.id === jz.id)?.status).to.equal('banned')
  })

  it('makes a sign-in link that brings someone back in once', async () => {
    const page = await pageFor(workspace, (page) => $(page, `li[data-user="${kevin.id}"] select`))
    buttonIn(rowOf(page, kevin.id), 'Sign-in link').click()
    await waitFor(() => rowOf(page, kevin.id).querySelector('.more input'), 5000)
    const link = new URL(rowOf(page, kevin.id).querySelector<HTMLInputElement>('.more input')!.value)
    expect(link.origin).to.equal(location.origin)
    expect(link.pathname).to.match(/^\/transfer\/[^/]+$/)
    const redeem = () => fetch(`/api/session${link.pathname}`, { method: 'POST', credentials: 'omit' })
    const first = await redeem()
    expect([first.status, ((await first.json()) as { user: User }).user.id]).to.deep.equal([201, kevin.id])
    expect((await redeem()).status).to.equal(404)
  })
})

describe('<account-page> for a member', () => {
  let workspace: Workspace

  beforeEach(async () => {
    await stopRelay()
    workspace = await workspaceFor({ watercooler: { name: 'watercooler', kind: 'open' } })
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it('lists the people from the account doc with no controls, and says when it is offline', async () => {
    const page = await pageFor(workspace, (page) => $(page, '[role="alert"]'))
    expect($(page, '[role="alert"]')!.textContent).to.equal('You are offline: this needs a connection to Hearth.')
    const names = [...page.shadowRoot!.querySelectorAll('li strong')].map((name) => name.textContent)
    expect(names).to.deep.equal(['David Heinemeier Hansson', 'Jason Zimdars', 'Kevin McConnell (you)'])
    expect(page.shadowRoot!.querySelectorAll('li button, li select').length, 'no admin controls').to.equal(0)
    expect($(page, 'join-link'), 'no join link').to.equal(null)
    expect($(page, 'input'), 'no account settings').to.equal(null)
  })
})
