/** Debian's Chromium through playwright-core (never a downloaded browser), and the built client. */
import { spawnSync } from 'node:child_process'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { startHearth } from '../../relay/hearth.js'
import { silentLog } from '../../relay/log.js'
import type { Relay } from '../../relay/relay.js'
import { tempDir } from '../helpers/relay.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Builds dist/client when it is missing or older than client/ (as `npm start` does). */
export function buildClientIfNeeded(): void {
  const result = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error('building the client failed')
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Autoplay without a gesture: a `/play` that stays silent must be silent because the app did not play it.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--autoplay-policy=no-user-gesture-required'],
  })
}

/** A person at their own browser profile (cookies, IndexedDB and service worker of their own). */
export async function personAt(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1100, height: 720 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
  if (process.env.HEARTH_PAGE_LOG) page.on('console', (message) => console.error(`[page] ${message.text()}`))
  return { context, page }
}

/** Where screenshots go when HEARTH_SCREENSHOTS names a directory; otherwise none are taken. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.HEARTH_SCREENSHOTS
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` })
}

/** How long a step may take to show on screen (the machine may be busy). */
export const WAIT_MS = 15_000

export interface Person {
  context: BrowserContext
  page: Page
}

export interface TwoPeople {
  relay: Relay
  browser: Browser
  david: Person
  kevin: Person
}

/** A real relay (accounts, door, write checks, SQLite in a temp dir), Chromium, and two people's own profiles. */
export async function twoPeople(): Promise<TwoPeople> {
  buildClientIfNeeded()
  const relay = await startHearth({ dataDir: tempDir(), port: 0, log: silentLog })
  const browser = await launchChromium()
  return { relay, browser, david: await personAt(browser, relay.url), kevin: await personAt(browser, relay.url) }
}

export async function closeAll(people: Partial<TwoPeople>): Promise<void> {
  await people.browser?.close()
  await people.relay?.close()
}

/** The open room's message box. */
export const composer = (page: Page) => page.getByRole('textbox', { name: /^Message/ })

/** The first message row in the open room whose text includes `text`. */
export const message = (page: Page, text: string) => page.locator('room-view article.message', { hasText: text }).first()

/** Types into the composer and presses Enter, as a person sends a message. */
export async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text)
  await composer(page).press('Enter')
}

export interface Signup {
  name: string
  email: string
  password: string
}

/** Fills and submits the first-run page (already open), then waits for All Talk. */
export async function createAccount(page: Page, { name, email, password }: Signup): Promise<void> {
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create the account' }).click()
  await page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
}

/** The administrator's join link, from the account page; back in All Talk afterwards. */
export async function inviteLink(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Account and people' }).click()
  const link = await page.getByRole('textbox', { name: 'Join link' }).inputValue({ timeout: WAIT_MS })
  await page.getByRole('link', { name: /^All Talk/ }).click()
  await page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
  return link
}

/** Opens a join link, signs up, and waits for All Talk. */
export async function joinByLink(page: Page, link: string, { name, email, password }: Signup): Promise<void> {
  await page.goto(link)
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Join' }).click()
  await page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
}

/**
 * The usual start of a two-person test: david sets the account up, kevin joins by david's link, both
 * land in All Talk. `prepare` runs before either page is opened (init scripts, say).
 */
export async function davidInvitesKevin(prepare?: (people: TwoPeople) => Promise<void>): Promise<TwoPeople> {
  const people = await twoPeople()
  const { david, kevin } = people
  await prepare?.(people)
  await david.page.goto('/')
  await david.page.waitForURL('**/first-run')
  await createAccount(david.page, { name: 'David', email: 'david@example.com', password: 'correct horse battery' })
  const link = await inviteLink(david.page)
  await joinByLink(kevin.page, link, { name: 'Kevin Mc', email: 'kevin@example.com', password: 'kevin likes chat' })
  await david.page.keyboard.press('Escape')
  return people
}
