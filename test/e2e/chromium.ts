/** Debian's Chromium through playwright-core (never a downloaded browser), and the built client. */
import { spawnSync } from 'node:child_process'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

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
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
