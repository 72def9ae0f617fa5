/**
 * Presence, typing and `/play` between david and kevin in two Chromium profiles through a real
 * relay: david sees kevin "here" while kevin has the room open, sees him typing (and not once he
 * stops or sends), and hears kevin's `/play tada` when it arrives live, but never again from
 * history (a reload, or the room opened again).
 *
 * What a page played is observed on the real HTMLMediaElement: an init script notes each play()
 * call and each 'playing' event (the sound really started). Chromium runs with autoplay allowed, so
 * silence means the app did not try.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { closeAll, composer, davidInvitesKevin, message, screenshot, send, WAIT_MS, type Person, type TwoPeople } from './chromium.js'

declare global {
  interface Window {
    __sounds: { called: string[]; playing: string[] }
  }
}

function listenForSounds(): void {
  window.__sounds = { called: [], playing: [] }
  const play = HTMLMediaElement.prototype.play
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    const src = new URL(this.src, location.href).pathname
    window.__sounds.called.push(src)
    this.addEventListener('playing', () => window.__sounds.playing.push(src), { once: true })
    return play.call(this)
  }
}

const soundRow = (page: Page, name: string) => page.locator('room-view article.message', { has: page.locator('sound-message', { hasText: `played ${name}` }) })
const here = (page: Page, name: string) => page.locator(`room-presence li[title="${name}"]`)
const typingLine = (page: Page) => page.locator('room-view p.typing')
const soundsCalled = (page: Page) => page.evaluate(() => window.__sounds.called)

/** Kevin's presence in the room on david's screen, as the states his tabs announced. */
function kevinsStates(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const workspace = document.querySelector('hearth-app')!.workspace!
    const roomId = decodeURIComponent(location.pathname.split('/')[2] ?? '')
    const states = [...(workspace.room(roomId)?.awareness.getStates().values() ?? [])]
    return states.filter((state) => state.user !== workspace.me.id).map((state) => JSON.stringify(Object.keys(state).sort()))
  })
}

async function openRoom(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name }).click()
  await page.getByRole('heading', { name: new RegExp(name) }).waitFor({ timeout: WAIT_MS })
}

describe('Presence, typing and sounds between david and kevin', { timeout: 120_000 }, () => {
  let people: TwoPeople
  let david: Person
  let kevin: Person

  before(async () => {
    ;({ david, kevin } = people = await davidInvitesKevin(async ({ david, kevin }) => {
      await david.context.addInitScript(listenForSounds)
      await kevin.context.addInitScript(listenForSounds)
    }))
    // A second room to walk over to.
    const created = await kevin.page.evaluate(async () => {
      const response = await fetch('/api/rooms', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Side Room', kind: 'open' }) })
      return response.status
    })
    assert.equal(created, 201)
  })

  after(() => closeAll(people ?? {}))

  it('shows david that kevin is here while kevin has the room open, and not once he leaves or closes it', async () => {
    await here(david.page, 'Kevin Mc').waitFor({ timeout: WAIT_MS })
    await here(kevin.page, 'David').waitFor({ timeout: WAIT_MS })
    assert.equal(await here(david.page, 'David').count(), 0, 'david is not listed to himself')
    await screenshot(david.page, 'here-now')

    await openRoom(kevin.page, 'Side Room')
    await here(david.page, 'Kevin Mc').waitFor({ state: 'detached', timeout: WAIT_MS })
    await openRoom(kevin.page, 'All Talk')
    await here(david.page, 'Kevin Mc').waitFor({ timeout: WAIT_MS })

    await kevin.page.close()
    await here(david.page, 'Kevin Mc').waitFor({ state: 'detached', timeout: WAIT_MS })

    kevin.page = await kevin.context.newPage()
    await kevin.page.goto('/')
    await kevin.page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
    await here(david.page, 'Kevin Mc').waitFor({ timeout: WAIT_MS })
  })

  it('shows david that kevin is typing, until kevin stops for five seconds or sends', async () => {
    await composer(kevin.page).pressSequentially('Hello dav')
    await typingLine(david.page).filter({ hasText: 'Kevin Mc is typing…' }).waitFor({ timeout: WAIT_MS })
    await screenshot(david.page, 'typing')
    // Kevin stops: the mark runs out on its own (Campfire's 5 s), the draft still in his composer.
    await typingLine(david.page).filter({ hasText: 'typing' }).waitFor({ state: 'detached', timeout: WAIT_MS })
    assert.equal(await composer(kevin.page).inputValue(), 'Hello dav')

    await composer(kevin.page).pressSequentially('id')
    await typingLine(david.page).filter({ hasText: 'Kevin Mc is typing…' }).waitFor({ timeout: WAIT_MS })
    await composer(kevin.page).press('Enter')
    await message(david.page, 'Hello david').waitFor({ timeout: WAIT_MS })
    await typingLine(david.page).filter({ hasText: 'typing' }).waitFor({ state: 'detached', timeout: WAIT_MS })
    // Cleared by the send itself, not by time: kevin's state says he is here, and no longer typing.
    const deadline = Date.now() + WAIT_MS
    while ((await kevinsStates(david.page)).join() !== '["user"]') {
      assert.ok(Date.now() < deadline, `kevin's presence on david's screen: ${(await kevinsStates(david.page)).join()}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })

  it('plays kevin’s /play tada live for david and for kevin, and never again from history', async () => {
    await send(kevin.page, '/play tada')
    await soundRow(david.page, 'tada').waitFor({ timeout: WAIT_MS })
    await david.page.waitForFunction(() => window.__sounds.playing.includes('/sounds/tada.wav'), null, { timeout: WAIT_MS })
    await kevin.page.waitForFunction(() => window.__sounds.playing.includes('/sounds/tada.wav'), null, { timeout: WAIT_MS })
    assert.deepEqual(await soundsCalled(david.page), ['/sounds/tada.wav'], 'played once')
    await screenshot(david.page, 'played')

    // A reload reads the room from the device and catches up with the relay: history, silent.
    await david.page.reload()
    await soundRow(david.page, 'tada').waitFor({ timeout: WAIT_MS })
    await send(kevin.page, 'Still there after the reload?')
    await message(david.page, 'Still there after the reload?').waitFor({ timeout: WAIT_MS })
    assert.deepEqual(await soundsCalled(david.page), [], 'nothing played after the reload')

    // Opening the room again is history too.
    await openRoom(david.page, 'Side Room')
    await openRoom(david.page, 'All Talk')
    await soundRow(david.page, 'tada').waitFor({ timeout: WAIT_MS })
    await send(kevin.page, 'And after coming back?')
    await message(david.page, 'And after coming back?').waitFor({ timeout: WAIT_MS })
    assert.deepEqual(await soundsCalled(david.page), [], 'nothing played on reopening the room')

    // The ▶ button plays it again by hand.
    await soundRow(david.page, 'tada').getByRole('button', { name: 'Play tada' }).click()
    await david.page.waitForFunction(() => window.__sounds.playing.includes('/sounds/tada.wav'), null, { timeout: WAIT_MS })
  })

  it('shows an unknown sound as plain text, and plays nothing', async () => {
    await send(kevin.page, '/play kazoo')
    await message(david.page, '/play kazoo').waitFor({ timeout: WAIT_MS })
    assert.equal(await message(david.page, '/play kazoo').locator('sound-message').count(), 0)
    assert.deepEqual(await soundsCalled(kevin.page), ['/sounds/tada.wav'], 'only kevin’s tada, earlier')
  })
})
