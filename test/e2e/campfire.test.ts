/**
 * Hearth as people use it: real relay (accounts, door, SQLite in a temp dir), the built client,
 * Debian's Chromium. david sets the account up, kevin joins by link, and they chat in All Talk,
 * online and off.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { eventually } from '../helpers/relay.js'
import { closeAll, createAccount, inviteLink, joinByLink, screenshot, send, twoPeople, WAIT_MS, type TwoPeople } from './chromium.js'

const messageBodies = (page: Page) => page.locator('room-view article.message .body').allInnerTexts()

async function sees(page: Page, text: string): Promise<void> {
  await page.locator('room-view article.message .body', { hasText: text }).first().waitFor({ timeout: WAIT_MS })
}

describe('Hearth in the browser', { timeout: 120_000 }, () => {
  let people: TwoPeople
  let david: TwoPeople['david']
  let kevin: TwoPeople['kevin']

  before(async () => ({ david, kevin } = people = await twoPeople()))
  after(() => closeAll(people ?? {}))

  it('lets the operator set up the account and land in All Talk', async () => {
    const { page } = david
    await page.goto('/')
    await page.waitForURL('**/first-run')
    await screenshot(page, 'first-run')
    await createAccount(page, { name: 'David', email: 'david@example.com', password: 'correct horse battery' })
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: WAIT_MS })
  })

  it('lets a second person join through the join link', async () => {
    const link = await inviteLink(david.page)
    assert.match(link, /\/join\/.+/)
    await joinByLink(kevin.page, link, { name: 'Kevin', email: 'kevin@example.com', password: 'kevin likes chat' })
  })

  it('shows each person the other one’s messages live', async () => {
    await send(david.page, 'Morning, everyone')
    await sees(kevin.page, 'Morning, everyone')
    await kevin.page.getByRole('textbox', { name: /^Message/ }).pressSequentially('Morning, ')
    await david.page.getByText('Kevin is typing…').waitFor({ timeout: WAIT_MS })
    await kevin.page.getByRole('textbox', { name: /^Message/ }).fill('Morning, David!')
    await kevin.page.getByRole('textbox', { name: /^Message/ }).press('Enter')
    await sees(david.page, 'Morning, David!')
    await david.page.getByText('Kevin is typing…').waitFor({ state: 'detached', timeout: WAIT_MS })
    await screenshot(david.page, 'room')
  })

  it('keeps messages written offline through a reload and delivers them in order when back online', async () => {
    const { context, page } = kevin
    await page.evaluate(() => navigator.serviceWorker.ready)
    await context.setOffline(true)
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor({ timeout: WAIT_MS })
    for (const text of ['Writing from the train', 'Tunnel coming up', 'Still here']) await send(page, text)
    await page.getByRole('status').filter({ hasText: 'Offline, 3 changes waiting' }).waitFor({ timeout: WAIT_MS })
    assert.equal(await page.locator('article.message[data-delivered="no"]').count(), 3)

    await page.reload()
    await sees(page, 'Still here')
    assert.deepEqual((await messageBodies(page)).slice(-3), ['Writing from the train', 'Tunnel coming up', 'Still here'])
    await page.getByRole('status').filter({ hasText: 'Offline, 3 changes waiting' }).waitFor({ timeout: WAIT_MS })
    await screenshot(page, 'offline')
    assert.deepEqual((await messageBodies(david.page)).includes('Writing from the train'), false)

    await context.setOffline(false)
    await sees(david.page, 'Still here')
    assert.deepEqual((await messageBodies(david.page)).slice(-3), ['Writing from the train', 'Tunnel coming up', 'Still here'])
    await eventually(async () => assert.equal(await page.locator('article.message[data-delivered="no"]').count(), 0), WAIT_MS)
    await page.getByRole('status').filter({ hasText: /^Connected$/ }).waitFor({ timeout: WAIT_MS })
  })

  it('keeps a closed room invisible to someone who is not in it', async () => {
    const { page } = david
    await page.getByRole('button', { name: 'Create a room' }).click()
    await page.getByLabel('Name').fill('designers')
    await page.getByLabel('Only people I choose').check()
    await page.getByRole('button', { name: 'Create', exact: true }).click()
    await page.getByRole('heading', { name: /designers/ }).waitFor({ timeout: WAIT_MS })
    await send(page, 'Secret plans for the new logo')
    await sees(page, 'Secret plans for the new logo')
    const designersPath = new URL(page.url()).pathname
    await screenshot(page, 'sidebar')

    await kevin.page.reload()
    await kevin.page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
    assert.equal(await kevin.page.getByRole('link', { name: /designers/ }).count(), 0)
    await kevin.page.goto(designersPath)
    await kevin.page.getByText('This room is not available to you.').waitFor({ timeout: WAIT_MS })
    assert.equal(await kevin.page.getByText('Secret plans').count(), 0)

    await page.getByRole('button', { name: 'Create a room' }).click()
    await page.getByLabel('Name').fill('leads')
    await page.getByLabel('Only people I choose').check()
    await page.getByRole('checkbox', { name: 'Kevin' }).check()
    await screenshot(page, 'new-room-dialog')
    await page.getByRole('button', { name: 'Create', exact: true }).click()
    await page.getByRole('heading', { name: /leads/ }).waitFor({ timeout: WAIT_MS })
    await kevin.page.getByRole('link', { name: /^leads/ }).waitFor({ timeout: WAIT_MS })
  })

  it('renders a script payload from one person as inert text for the other', async () => {
    await kevin.page.goto('/')
    await kevin.page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
    await david.page.getByRole('link', { name: /All Talk/ }).click()
    const payloads = [
      '<img src=x onerror="window.pwned=1">',
      '<script>window.pwned=2</script>',
      '[click me](javascript:window.pwned=3)',
      '**bold** and `code`',
    ]
    for (const payload of payloads) await send(david.page, payload)
    await sees(kevin.page, 'bold and code')
    const last = kevin.page.locator('room-view article.message .body').last()
    assert.equal(await last.locator('strong').innerText(), 'bold')
    await sees(kevin.page, '<img src=x onerror="window.pwned=1">')
    await sees(kevin.page, '<script>window.pwned=2</script>')
    assert.equal(await kevin.page.locator('room-view .body img, room-view .body script').count(), 0)
    const link = kevin.page.locator('room-view .body a', { hasText: 'click me' })
    assert.equal(await link.getAttribute('href'), null)
    await link.click()
    assert.equal(await kevin.page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined)
  })

  it('keeps a half-written message through a reload', async () => {
    const { page } = kevin
    const composer = page.getByRole('textbox', { name: /^Message/ })
    await composer.fill('Half a thought about the')
    await page.waitForTimeout(400)
    await page.reload()
    await page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
    await eventually(async () => assert.equal(await composer.inputValue(), 'Half a thought about the'), WAIT_MS)
    await composer.fill('')
  })

  it('starts a ping that shows up for the other person as an avatar with an unread mark', async () => {
    const { page } = kevin
    await page.getByRole('button', { name: 'Start a ping' }).click()
    await page.getByRole('checkbox', { name: 'David' }).check()
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await page.getByRole('heading', { name: 'David' }).waitFor({ timeout: WAIT_MS })
    await send(page, 'psst, lunch?')
    await david.page.getByRole('link', { name: 'Ping with Kevin, unread' }).waitFor({ timeout: WAIT_MS })
    await screenshot(david.page, 'sidebar-with-ping')
    await david.page.setViewportSize({ width: 390, height: 780 })
    await david.page.getByRole('link', { name: 'All rooms' }).click()
    await david.page.getByRole('link', { name: /Ping with Kevin/ }).click()
    await sees(david.page, 'psst, lunch?')
    await screenshot(david.page, 'phone-room')
    await david.page.emulateMedia({ colorScheme: 'dark' })
    await david.page.getByRole('link', { name: 'All rooms' }).click()
    await screenshot(david.page, 'phone-sidebar-dark')
    await david.page.setViewportSize({ width: 1100, height: 720 })
    await david.page.getByRole('link', { name: /All Talk/ }).click()
    await screenshot(david.page, 'room-dark')
    await david.page.emulateMedia({ colorScheme: 'light' })
  })

  it('erases this device’s copies when kevin signs out, and syncs them back when he signs in', async () => {
    const { page } = kevin
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor({ timeout: WAIT_MS })
    const kept = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((db) => db.name),
      remembered: Object.keys(localStorage).filter((key) => key.startsWith('hearth:')),
    }))
    assert.deepEqual(kept, { databases: [], remembered: [] })

    await page.getByLabel('Email').fill('kevin@example.com')
    await page.getByLabel('Password').fill('kevin likes chat')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
    await sees(page, 'Still here')
  })

  it('sends kevin back to the sign-in page, without retrying, when he is deactivated', async () => {
    const kevinId = await kevin.page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { id: string }).id)
    const response = await david.page.request.post(`/api/users/${encodeURIComponent(kevinId)}/deactivation`)
    assert.equal(response.status(), 200)
    await kevin.page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor({ timeout: WAIT_MS })
  })
})
