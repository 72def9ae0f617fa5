/**
 * Unread, involvement and notifications between david and kevin in two Chromium profiles, through
 * a real relay. David's tab is hidden (an init script in his page only: headless Chromium shows
 * every page, whatever is in front) and records each Notification it constructs (the real
 * constructor still runs). Kevin keeps two tabs of his own profile open, as one person does.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { closeAll, composer, davidInvitesKevin, message, screenshot, send, WAIT_MS, type TwoPeople } from './chromium.js'

/** A room in the sidebar's room list (not among the hidden rooms below it). */
const roomLink = (page: Page, name: string) => page.locator('room-sidebar nav > ul').getByRole('link', { name, exact: true })

interface Recorded {
  title: string
  body: string
  tag: string
}

/**
 * Runs in david's page before the app: the tab reads as hidden, and notifications are recorded. A
 * string, not a function: the TypeScript loader would add helpers the page does not have.
 */
const hiddenAndRecording = `
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => 'hidden' })
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => true })
  const Real = window.Notification
  const shown = []
  window.shownNotifications = shown
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options)
      shown.push(this)
    }
  }
`

/** Android's Chrome: constructing a Notification throws; only the service worker may show one. */
const workerOnlyNotifications = `
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => 'hidden' })
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => true })
  window.Notification = class extends window.Notification {
    constructor() {
      throw new TypeError("Failed to construct 'Notification': Illegal constructor. Use ServiceWorkerRegistration.showNotification() instead.")
    }
  }
`

const notifications = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { shownNotifications: Notification[] }).shownNotifications ?? []).map((n) => ({ title: n.title, body: n.body, tag: n.tag })),
  ) as Promise<Recorded[]>

describe('Unread marks, involvement and notifications', { timeout: 120_000 }, () => {
  let people: TwoPeople
  let david: TwoPeople['david']
  let kevin: TwoPeople['kevin']
  let kevinsOtherTab: Page

  before(async () => {
    ;({ david, kevin } = people = await davidInvitesKevin())
    await david.context.grantPermissions(['notifications'])
    await david.page.addInitScript({ content: hiddenAndRecording })
    await david.page.reload()
    await david.page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
  })

  after(() => closeAll(people ?? {}))

  it('notifies david, his tab hidden, of kevin’s mention (not of kevin’s other words), highlighted, and its click opens the message', async () => {
    assert.equal(await david.page.evaluate(() => Notification.permission), 'granted')
    await send(kevin.page, 'Morning, everyone')
    await message(david.page, 'Morning, everyone').waitFor({ timeout: WAIT_MS })

    await composer(kevin.page).pressSequentially('Ready when you are @Da')
    await kevin.page.getByRole('option', { name: /David/ }).waitFor({ timeout: WAIT_MS })
    await composer(kevin.page).press('Enter')
    await composer(kevin.page).press('Enter')
    const mention = david.page.locator('room-view article.message.mentions-me', { hasText: 'Ready when you are' })
    await mention.waitFor({ timeout: WAIT_MS })
    await david.page.waitForFunction(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications.length > 0, undefined, { timeout: WAIT_MS })
    const id = await mention.getAttribute('data-id')
    assert.deepEqual(await notifications(david.page), [{ title: 'Kevin Mc in All Talk', body: 'Ready when you are @David', tag: id }])

    await david.page.evaluate(() => (window as unknown as { shownNotifications: Notification[] }).shownNotifications[0]!.dispatchEvent(new Event('click')))
    await david.page.waitForURL(`**/rooms/*/messages/${encodeURIComponent(id!)}`, { timeout: WAIT_MS })
    await david.page.locator('room-view article.message.target', { hasText: 'Ready when you are' }).waitFor({ timeout: WAIT_MS })
    assert.equal((await notifications(david.page)).length, 1, 'kevin’s other message did not notify')
  })

  it('marks All Talk unread in both of kevin’s tabs, and reading it in one clears it in the other', async () => {
    await kevin.page.getByRole('button', { name: 'Create a room' }).click()
    await kevin.page.getByLabel('Name').fill('Watercooler')
    await kevin.page.getByRole('button', { name: 'Create', exact: true }).click()
    await kevin.page.getByRole('heading', { name: /Watercooler/ }).waitFor({ timeout: WAIT_MS })
    kevinsOtherTab = await kevin.context.newPage()
    await kevinsOtherTab.goto(new URL(kevin.page.url()).pathname)
    await kevinsOtherTab.getByRole('heading', { name: /Watercooler/ }).waitFor({ timeout: WAIT_MS })

    await send(david.page, 'Pizza is here')
    for (const tab of [kevin.page, kevinsOtherTab]) {
      await roomLink(tab, 'All Talk, unread').waitFor({ timeout: WAIT_MS })
      await tab.waitForFunction(() => document.title === '(1) Hearth', undefined, { timeout: WAIT_MS })
    }

    await roomLink(kevin.page, 'All Talk, unread').click()
    await message(kevin.page, 'Pizza is here').waitFor({ timeout: WAIT_MS })
    await roomLink(kevinsOtherTab, 'All Talk').waitFor({ timeout: WAIT_MS })
    await kevinsOtherTab.waitForFunction(() => document.title === 'Hearth', undefined, { timeout: WAIT_MS })
    assert.equal(await roomLink(kevinsOtherTab, 'All Talk, unread').count(), 0)
  })

  it('takes a room kevin makes invisible out of the sidebar in both his tabs; from the hidden list he brings it back', async () => {
    await roomLink(kevin.page, 'Watercooler').click()
    await kevin.page.getByRole('heading', { name: /Watercooler/ }).waitFor({ timeout: WAIT_MS })
    await kevin.page.locator('room-menu summary').click()
    await screenshot(kevin.page, 'room-menu')
    await kevin.page.getByRole('radio', { name: /Invisible/ }).click()
    for (const tab of [kevin.page, kevinsOtherTab]) {
      await tab.locator('hidden-rooms summary', { hasText: '1 hidden room' }).waitFor({ timeout: WAIT_MS })
      assert.equal(await roomLink(tab, 'Watercooler').count(), 0, 'Watercooler left the room list')
    }

    await roomLink(kevinsOtherTab, 'All Talk').click()
    await kevinsOtherTab.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
    await kevinsOtherTab.locator('hidden-rooms summary').click()
    await screenshot(kevinsOtherTab, 'hidden-rooms')
    await kevinsOtherTab.locator('hidden-rooms').getByRole('link', { name: 'Watercooler' }).click()
    await kevinsOtherTab.getByRole('heading', { name: /Watercooler/ }).waitFor({ timeout: WAIT_MS })
    await kevinsOtherTab.locator('room-menu summary').click()
    await kevinsOtherTab.getByRole('radio', { name: /Everything/ }).click()
    await roomLink(kevin.page, 'Watercooler').waitFor({ timeout: WAIT_MS })
    assert.equal(await kevin.page.locator('hidden-rooms summary').count(), 0, 'nothing is hidden any more')
  })

  it('on a browser where only the service worker shows notifications (Android), shows the mention through it, with the way back to the message', async () => {
    await david.page.close()
    const phone = await david.context.newPage()
    await phone.addInitScript({ content: workerOnlyNotifications })
    await phone.goto('/')
    await phone.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
    await phone.waitForFunction(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.active !== null), undefined, { timeout: WAIT_MS })

    await roomLink(kevin.page, 'All Talk').click()
    await composer(kevin.page).pressSequentially('Phone check @Da')
    await kevin.page.getByRole('option', { name: /David/ }).waitFor({ timeout: WAIT_MS })
    await composer(kevin.page).press('Enter')
    await composer(kevin.page).press('Enter')
    const mention = phone.locator('room-view article.message.mentions-me', { hasText: 'Phone check' })
    await mention.waitFor({ timeout: WAIT_MS })
    const id = await mention.getAttribute('data-id')
    const shown = () =>
      phone.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, tag: n.tag, path: (n.data as { path?: string }).path })))
    await phone.waitForFunction(async () => (await (await navigator.serviceWorker.ready).getNotifications()).length > 0, undefined, { timeout: WAIT_MS })
    const [notification] = await shown()
    assert.equal(notification?.title, 'Kevin Mc in All Talk')
    assert.equal(notification?.tag, id)
    assert.match(notification?.path ?? '', new RegExp(`^/rooms/[^/]+/messages/${encodeURIComponent(id!)}$`), 'the worker knows where a click goes')
  })
})
