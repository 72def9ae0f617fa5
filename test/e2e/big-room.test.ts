/**
 * "It stays smooth at 10,000 messages": a room of 10,000 messages opened in Chromium, first over
 * the network (nothing on the device yet), then again from IndexedDB after a reload, with the
 * relay stopped so nothing can come from the network. Prints the figures it measured.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import * as Y from 'yjs'
import { startHearth } from '../../relay/hearth.js'
import { silentLog } from '../../relay/log.js'
import type { Relay } from '../../relay/relay.js'
import { tempDir } from '../helpers/relay.js'
import { buildClientIfNeeded, launchChromium, personAt } from './chromium.js'

const MESSAGES = 10_000

/** A room's worth of history from david and jz, written the way clients write it. */
function history(): Uint8Array {
  const doc = new Y.Doc()
  const start = Date.now() - MESSAGES * 30_000
  doc.transact(() => {
    for (let i = 0; i < MESSAGES; i++) {
      const author = i % 4 ? 'david' : 'jz'
      const entry = new Y.Map<unknown>()
      doc.getMap('messages').set(`${author}.${String(i).padStart(26, '0')}`, entry)
      entry.set('author', author)
      entry.set('createdAt', start + i * 30_000)
      entry.set('body', `Message number ${i}: **some** Markdown and a [link](https://example.com/${i})`)
      entry.set('mentions', [])
    }
  })
  return Y.encodeStateAsUpdate(doc)
}

async function timeUntilNewestShows(page: Page, open: () => Promise<unknown>): Promise<number> {
  const began = Date.now()
  await open()
  await page.locator('room-view article.message', { hasText: `Message number ${MESSAGES - 1}:` }).waitFor({ timeout: 30_000 })
  return Date.now() - began
}

describe('a room of 10,000 messages', { timeout: 120_000 }, () => {
  let relay: Relay
  let browser: Browser

  before(async () => {
    buildClientIfNeeded()
    relay = await startHearth({ dataDir: tempDir(), port: 0, log: silentLog })
    browser = await launchChromium()
  })

  after(async () => {
    await browser?.close()
    await relay?.close()
  })

  it('opens over the network, then from the device with no relay at all, rendering only a window', async () => {
    const { context, page } = await personAt(browser, relay.url)
    const signup = await context.request.post('/api/first-run', { data: { name: 'David', email: 'david@example.com', password: 'correct horse battery' } })
    assert.ok(signup.ok(), `first run: ${signup.status()}`)
    const { rooms } = (await (await context.request.get('/api/rooms')).json()) as { rooms: Array<{ id: string; name: string }> }
    const allTalk = rooms.find((room) => room.name === 'All Talk')!
    const update = history()
    ;(await relay.docs.open(`room:${allTalk.id}`)).write(update)

    const overNetwork = await timeUntilNewestShows(page, () => page.goto(`/rooms/${allTalk.id}`))
    assert.ok((await page.locator('room-view article.message').count()) <= 100, 'only a window is in the DOM')
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.waitForTimeout(1000) // let y-indexeddb finish writing the room

    await relay.close()
    const fromDevice = await timeUntilNewestShows(page, () => page.reload())
    const scroll = await page.evaluate(async () => {
      const view = document.querySelector('hearth-app')!.shadowRoot!.querySelector('chat-shell')!.shadowRoot!.querySelector('room-view')!
      const scroller = view.shadowRoot!.querySelector('.scroller') as HTMLElement
      const began = performance.now()
      for (let i = 0; i < 10; i++) {
        scroller.scrollTop = 0
        scroller.dispatchEvent(new Event('scroll'))
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      }
      return { ms: performance.now() - began, rendered: view.shadowRoot!.querySelectorAll('article.message').length }
    })
    console.log(`${MESSAGES} messages (${Math.round(update.length / 1024)} KB encoded): newest visible over the network in ${overNetwork} ms, from IndexedDB with no relay in ${fromDevice} ms; 10 scrolls to the top in ${Math.round(scroll.ms)} ms, ${scroll.rendered} messages in the DOM`)
    assert.ok(fromDevice < 10_000)
    assert.ok(scroll.rendered > 80 && scroll.rendered < MESSAGES)
  })
})
