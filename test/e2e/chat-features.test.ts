/**
 * Campfire's chat features between two people in two Chromium profiles, through a real relay with
 * its write authorizer on: david edits and deletes, kevin boosts and unboosts, and a mention is
 * highlighted for the person mentioned; a reply's permalink opens the room at the quoted message. Anything refused by the relay would show as an alert.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { closeAll, composer, davidInvitesKevin, message, screenshot, send, WAIT_MS, type TwoPeople } from './chromium.js'



/** Opens a message's menu; the row is found by id from then on (while edited, its text is in a textarea). */
async function openMenu(page: Page, text: string): Promise<Locator> {
  const id = await message(page, text).getAttribute('data-id', { timeout: WAIT_MS })
  const row = page.locator(`room-view article.message[data-id="${id}"]`)
  await row.hover()
  await row.getByLabel('Message menu').click()
  return row
}

async function noRefusals(page: Page): Promise<void> {
  assert.equal(await page.locator('room-view [role=alert]').count(), 0, 'the relay refused nothing')
}

describe('Chat features between david and kevin', { timeout: 90_000 }, () => {
  let people: TwoPeople
  let david: TwoPeople['david']
  let kevin: TwoPeople['kevin']

  before(async () => {
    ;({ david, kevin } = people = await davidInvitesKevin())
  })

  after(() => closeAll(people ?? {}))

  it('shows kevin david’s edit, marked as edited, and then its deletion', async () => {
    await send(david.page, 'Lunch at noon?')
    await message(kevin.page, 'Lunch at noon?').waitFor({ timeout: WAIT_MS })

    const row = await openMenu(david.page, 'Lunch at noon?')
    await row.getByRole('button', { name: 'Edit' }).click()
    const editor = row.getByLabel('Edit message')
    await editor.fill('Lunch at one?')
    await editor.press('Enter')
    await message(kevin.page, 'Lunch at one?').locator('.edited').waitFor({ timeout: WAIT_MS })

    await composer(david.page).click()
    await composer(david.page).press('ArrowUp')
    await david.page.getByLabel('Edit message').fill('Lunch at one, upstairs?')
    await david.page.getByLabel('Edit message').press('Enter')
    await message(kevin.page, 'Lunch at one, upstairs?').waitFor({ timeout: WAIT_MS })
    await screenshot(kevin.page, 'edited')

    await send(david.page, 'Wrong room, sorry')
    await message(kevin.page, 'Wrong room, sorry').waitFor({ timeout: WAIT_MS })
    const oops = await openMenu(david.page, 'Wrong room, sorry')
    await oops.getByRole('button', { name: 'Delete', exact: true }).click()
    await oops.getByRole('button', { name: 'Delete for everyone?' }).click()
    await message(kevin.page, 'Wrong room, sorry').waitFor({ state: 'detached', timeout: WAIT_MS })
    await noRefusals(david.page)
  })

  it('shows david kevin’s boost with kevin’s initials, and its removal', async () => {
    const row = await openMenu(kevin.page, 'Lunch at one, upstairs?')
    await row.getByRole('button', { name: 'Boost with 🎉' }).click()
    const seen = message(david.page, 'Lunch at one, upstairs?').locator('.boost', { hasText: '🎉' })
    await seen.waitFor({ timeout: WAIT_MS })
    assert.equal((await seen.innerText()).replace(/\s+/g, ''), '🎉KM')
    assert.equal(await message(david.page, 'Lunch at one, upstairs?').getByRole('button', { name: /Remove your boost/ }).count(), 0, 'david cannot remove kevin’s boost')
    await screenshot(david.page, 'boosted')

    await message(kevin.page, 'Lunch at one, upstairs?').getByRole('button', { name: 'Remove your boost 🎉' }).click()
    await seen.waitFor({ state: 'detached', timeout: WAIT_MS })
    await noRefusals(kevin.page)
  })

  it('highlights for david the message in which kevin mentions him, and not for kevin', async () => {
    await composer(kevin.page).pressSequentially('Ready when you are @Da')
    await kevin.page.getByRole('option', { name: /David/ }).waitFor({ timeout: WAIT_MS })
    await composer(kevin.page).press('Enter')
    assert.equal(await composer(kevin.page).inputValue(), 'Ready when you are @David ')
    await composer(kevin.page).press('Enter')
    const seen = message(david.page, 'Ready when you are')
    await seen.waitFor({ timeout: WAIT_MS })
    await david.page.locator('room-view article.message.mentions-me', { hasText: 'Ready when you are' }).waitFor({ timeout: WAIT_MS })
    assert.equal(await seen.locator('.mention').innerText(), '@David')
    assert.equal(await kevin.page.locator('room-view article.message.mentions-me').count(), 0)
    await screenshot(david.page, 'mentioned')
    await noRefusals(kevin.page)
  })

  it('opens a reply’s permalink for david at the quoted message, highlighted', async () => {
    const row = await openMenu(kevin.page, 'Lunch at one, upstairs?')
    await row.getByRole('button', { name: 'Reply' }).click()
    assert.match(await composer(kevin.page).inputValue(), /^> \*\*David\*\* \[wrote\]\(http:\/\/127\.0\.0\.1:\d+\/rooms\/[^/]+\/messages\/[^)]+\):\n> Lunch at one, upstairs\?\n\n$/)
    await composer(kevin.page).press('End')
    await composer(kevin.page).pressSequentially('Count me in')
    await composer(kevin.page).press('Enter')
    const reply = message(david.page, 'Count me in')
    await reply.waitFor({ timeout: WAIT_MS })
    const href = await reply.locator('blockquote a').getAttribute('href')
    await david.context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const quoted = await openMenu(david.page, 'Lunch at one, upstairs?')
    await quoted.getByRole('button', { name: 'Copy link' }).click()
    await david.page.locator('room-view [role=status]', { hasText: 'Link copied' }).waitFor({ timeout: WAIT_MS })
    assert.equal(await david.page.evaluate(() => navigator.clipboard.readText()), href, 'the menu copies the same permalink')
    await david.page.goto(new URL(href!).pathname)
    await david.page.locator('room-view article.message.target', { hasText: 'Lunch at one, upstairs?' }).waitFor({ timeout: WAIT_MS })
    await noRefusals(kevin.page)
  })
})
