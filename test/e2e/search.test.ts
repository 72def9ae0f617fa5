/**
 * Search on the device, between two people in two Chromium profiles through a real relay: kevin
 * writes in a room of his own making, david receives it, goes offline and reloads, and still finds
 * the message by a Japanese word, opens it, and lands on it in its room, highlighted.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { closeAll, davidInvitesKevin, message, screenshot, send, WAIT_MS, type TwoPeople } from './chromium.js'


describe('Search on the device', { timeout: 90_000 }, () => {
  let people: TwoPeople

  before(async () => {
    people = await davidInvitesKevin()
  })

  after(() => closeAll(people ?? {}))

  it('finds a message offline, after a reload, and opens it at its permalink', async () => {
    const { david, kevin } = people
    await kevin.page.getByRole('button', { name: 'Create a room' }).click()
    await kevin.page.getByLabel('Name').fill('Watercooler')
    await kevin.page.getByRole('button', { name: 'Create', exact: true }).click()
    await kevin.page.getByRole('heading', { name: /Watercooler/ }).waitFor({ timeout: WAIT_MS })
    await send(kevin.page, 'Offsite: 東京で金曜日に会いましょう')
    for (const text of ['Bring a jacket', 'Trains leave at nine']) await send(kevin.page, text)

    // david receives it, then reads All Talk again.
    await david.page.getByRole('link', { name: /Watercooler/ }).click()
    await message(david.page, 'Trains leave at nine').waitFor({ timeout: WAIT_MS })
    await david.page.getByRole('link', { name: /All Talk/ }).click()
    await david.page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })

    await david.page.evaluate(() => navigator.serviceWorker.ready)
    await david.context.setOffline(true)
    await david.page.reload()
    await david.page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
    await david.page.getByRole('status').filter({ hasText: 'Offline' }).first().waitFor({ timeout: WAIT_MS })

    await david.page.keyboard.press('Control+K')
    const field = david.page.getByRole('searchbox', { name: 'Search messages' })
    await field.fill('東京')
    const results = david.page.getByRole('list', { name: 'Results' }).getByRole('link')
    await results.first().waitFor({ timeout: WAIT_MS })
    assert.equal(await results.count(), 1, 'one message holds 東京')
    assert.match(await results.first().innerText(), /Kevin Mc\s+#Watercooler/)
    assert.equal(await results.first().locator('mark').innerText(), '東京')
    await screenshot(david.page, 'search-results')

    const id = await results.first().getAttribute('data-id')
    await results.first().click()
    await david.page.waitForURL(`**/messages/${id}`)
    await david.page.getByRole('heading', { name: /Watercooler/ }).waitFor({ timeout: WAIT_MS })
    const target = david.page.locator(`room-view article.message.target[data-id="${id}"]`)
    await target.waitFor({ timeout: WAIT_MS })
    assert.match(await target.innerText(), /東京で金曜日に会いましょう/)
    await screenshot(david.page, 'search-opened')

    // The composer has the focus: "/" there is a slash, so the sidebar's button opens the search.
    await david.page.getByRole('button', { name: 'Search', exact: true }).click()
    await field.waitFor({ timeout: WAIT_MS })
    assert.equal(await field.inputValue(), '東京', 'the field keeps the last search')
    await field.fill('')
    assert.deepEqual(await david.page.getByRole('list', { name: 'Recent searches' }).getByRole('button').allInnerTexts(), ['東京'])
    await david.page.keyboard.press('Escape')
    await field.waitFor({ state: 'hidden', timeout: WAIT_MS })
  })
})
