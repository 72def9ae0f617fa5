/**
 * Rooms and people between david (the administrator) and kevin in two Chromium profiles, through a
 * real relay: david renames a room, closes it without kevin and lets him back in, then deletes it,
 * and kevin's sidebar follows each change; kevin's new picture shows beside his message on david's
 * screen; david deactivates kevin from the account page and kevin is signed out.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { closeAll, davidInvitesKevin, screenshot, send, WAIT_MS, type TwoPeople } from './chromium.js'

/** An 8x8 PNG, all brick red. */
const PICTURE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4YKmNFTEMLQkAq6xJAUhOevcAAAAASUVORK5CYII=', 'base64')

const roomLink = (page: Page, name: string) => page.locator('room-sidebar').getByRole('link', { name, exact: true })

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Room settings' }).click()
  await page.getByRole('dialog').getByLabel('Name').waitFor({ timeout: WAIT_MS })
}

describe('Rooms and people between david and kevin', { timeout: 120_000 }, () => {
  let people: TwoPeople
  let david: TwoPeople['david']
  let kevin: TwoPeople['kevin']

  before(async () => {
    ;({ david, kevin } = people = await davidInvitesKevin())
  })

  after(() => closeAll(people ?? {}))

  it("follows david's room settings in kevin's sidebar: rename, close, members, delete", async () => {
    await david.page.getByRole('button', { name: 'Create a room' }).click()
    await david.page.getByRole('dialog').getByLabel('Name').fill('Watercooler')
    await david.page.getByRole('dialog').getByRole('button', { name: 'Create' }).click()
    await roomLink(kevin.page, 'Watercooler').waitFor({ timeout: WAIT_MS })

    await openSettings(david.page)
    await david.page.getByRole('dialog').getByLabel('Name').fill('Water cooler')
    await david.page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
    await roomLink(kevin.page, 'Water cooler').waitFor({ timeout: WAIT_MS })

    await openSettings(david.page)
    await david.page.getByRole('dialog').getByLabel('Only people I choose').check()
    await david.page.getByRole('dialog').getByLabel('Kevin Mc').uncheck()
    await david.page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
    await roomLink(kevin.page, 'Water cooler').waitFor({ state: 'detached', timeout: WAIT_MS })

    await openSettings(david.page)
    await david.page.getByRole('dialog').getByLabel('Kevin Mc').check()
    await david.page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
    await roomLink(kevin.page, 'Water cooler').waitFor({ timeout: WAIT_MS })
    await screenshot(david.page, 'room-settings')

    await david.page.getByRole('button', { name: 'Room settings' }).click()
    await david.page.getByRole('button', { name: 'Delete room…' }).click()
    await david.page.getByText('Delete #Water cooler for everyone?').waitFor({ timeout: WAIT_MS })
    await david.page.getByRole('button', { name: 'Delete for everyone' }).click()
    await roomLink(kevin.page, 'Water cooler').waitFor({ state: 'detached', timeout: WAIT_MS })
    await david.page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
    assert.equal(await roomLink(david.page, 'Water cooler').count(), 0, 'gone from david’s sidebar too')
  })

  it('shows kevin no gear in a room he did not make', async () => {
    await roomLink(kevin.page, 'All Talk').click()
    await kevin.page.getByRole('heading', { name: /All Talk/ }).waitFor({ timeout: WAIT_MS })
    assert.equal(await kevin.page.getByRole('button', { name: 'Room settings' }).count(), 0)
  })

  it("shows kevin's new picture beside his message on david's screen", async () => {
    await kevin.page.getByRole('link', { name: 'Your profile' }).click()
    await kevin.page.getByLabel('Upload a picture').setInputFiles({ name: 'kevin.png', mimeType: 'image/png', buffer: PICTURE })
    await kevin.page.getByText('Picture updated.').waitFor({ timeout: WAIT_MS })
    await screenshot(kevin.page, 'profile')
    await roomLink(kevin.page, 'All Talk').click()
    await send(kevin.page, 'New face, who dis')
    const face = david.page.locator('room-view article.message', { hasText: 'New face, who dis' }).locator('.avatar img')
    await face.waitFor({ timeout: WAIT_MS })
    assert.match((await face.getAttribute('src')) ?? '', /^\/api\/users\/[^/]+\/avatar\?v=1$/)
    assert.equal(await face.evaluate((img: HTMLImageElement) => img.naturalWidth), 8, 'the picture loaded')
  })

  it('signs kevin out when david deactivates him from the account page', async () => {
    await david.page.getByRole('link', { name: 'Account and people' }).click()
    const row = david.page.locator('account-page li', { hasText: 'Kevin Mc' })
    await row.getByRole('button', { name: 'Deactivate…' }).click()
    await row.getByRole('button', { name: 'Deactivate Kevin Mc' }).click()
    await row.getByText('Member, deactivated').waitFor({ timeout: WAIT_MS })
    await kevin.page.waitForURL('**/signin', { timeout: WAIT_MS })
    await screenshot(david.page, 'account-page')
  })
})
