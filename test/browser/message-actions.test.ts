import { expect } from '@open-wc/testing'
import '../../client/chat/room-view.js'
import type { RoomView } from '../../client/chat/room-view.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { providing, receive, waitFor, workspaceFor } from './workspace-fixture.js'

const START = Date.now() - 60_000

async function watercooler(workspace: Workspace): Promise<RoomView> {
  const view = document.createElement('room-view')
  view.roomId = 'watercooler'
  providing(workspace).append(view)
  await view.updateComplete
  return view
}

const root = (view: RoomView) => view.shadowRoot!
const article = (view: RoomView, text: string) =>
  [...root(view).querySelectorAll<HTMLElement>('article.message')].find((a) => a.querySelector('.body')?.textContent?.includes(text))
const bodies = (view: RoomView) => [...root(view).querySelectorAll('article.message .body')].map((b) => b.textContent?.trim())

async function choose(view: RoomView, text: string, label: string): Promise<void> {
  await waitFor(() => article(view, text))
  const row = article(view, text)!
  row.querySelector<HTMLElement>('summary')!.click()
  const button = [...row.querySelectorAll<HTMLButtonElement>('.items button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === label)
  expect(button, `the menu offers "${label}"`).to.exist
  button!.click()
  await view.updateComplete
}

const press = (target: HTMLElement, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }))

describe('editing, deleting and boosting messages', () => {
  let workspace: Workspace

  beforeEach(async () => {
    workspace = await workspaceFor({ watercooler: { name: 'Watercooler', kind: 'open' } })
    receive(workspace, 'watercooler', [{ id: 'david.1', author: 'david', createdAt: START, body: 'Who is in for lunch?' }])
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it('lets kevin edit his message from its menu, and the message says it was edited', async () => {
    workspace.post('watercooler', 'Me, at noon')
    const view = await watercooler(workspace)
    await choose(view, 'Me, at noon', 'Edit')
    const editor = root(view).querySelector<HTMLTextAreaElement>('textarea.editor')!
    expect(root(view).activeElement === editor, 'the editor has the focus').to.equal(true)
    editor.value = 'Me, at one'
    press(editor, 'Enter')
    await waitFor(() => bodies(view).some((b) => b?.startsWith('Me, at one')))
    expect(article(view, 'Me, at one')!.querySelector('.edited')?.textContent).to.equal('(edited)')
    expect(workspace.messages('watercooler').at(-1)?.editedAt).to.be.a('number')
  })

  it('edits kevin’s last message when he presses Up in an empty composer, and Escape leaves it alone', async () => {
    workspace.post('watercooler', 'First')
    workspace.post('watercooler', 'Second')
    const view = await watercooler(workspace)
    const composer = root(view).querySelector('message-composer')!
    await composer.updateComplete
    press(composer.shadowRoot!.querySelector('textarea')!, 'ArrowUp')
    await view.updateComplete
    const editor = root(view).querySelector<HTMLTextAreaElement>('textarea.editor')!
    expect(editor.closest('article')?.dataset.id).to.equal(workspace.lastOwnMessage('watercooler')!.id)
    expect(editor.value).to.equal('Second')
    editor.value = 'Changed my mind'
    press(editor, 'Escape')
    await view.updateComplete
    expect(root(view).querySelector('textarea.editor')).to.equal(null)
    expect(bodies(view)).to.deep.equal(['Who is in for lunch?', 'First', 'Second'])
  })

  it('offers kevin no Edit or Delete on david’s message, but lets him delete his own after confirming', async () => {
    workspace.post('watercooler', 'Oops, wrong room')
    const view = await watercooler(workspace)
    await waitFor(() => article(view, 'Oops'))
    const labels = (text: string) => [...article(view, text)!.querySelectorAll('.items > button')].map((b) => b.textContent)
    expect(labels('Who is in for lunch?')).to.deep.equal(['Reply', 'Copy link'])
    expect(labels('Oops')).to.deep.equal(['Reply', 'Copy link', 'Edit', 'Delete'])
    await choose(view, 'Oops', 'Delete')
    expect(bodies(view), 'one press only asks').to.include('Oops, wrong room')
    await choose(view, 'Oops', 'Delete for everyone?')
    await waitFor(() => !article(view, 'Oops'))
    expect(workspace.messages('watercooler').map((m) => m.body)).to.deep.equal(['Who is in for lunch?'])
  })

  it('lets kevin boost david’s message, shows his initials on it, and removes only his own', async () => {
    const view = await watercooler(workspace)
    await choose(view, 'lunch', 'Boost with 🎉')
    workspace.room('watercooler')!.doc.getMap('boosts').set('jz.1', { message: 'david.1', booster: 'jz', content: '🔥', createdAt: START + 1 })
    await waitFor(() => article(view, 'lunch')!.querySelectorAll('.boost').length === 2)
    const boosts = [...article(view, 'lunch')!.querySelectorAll<HTMLElement>('.boost')]
    expect(boosts.map((b) => b.textContent?.replace(/\s+/g, ''))).to.deep.equal(['🔥JZ', '🎉KM'])
    expect(boosts[0]!.tagName, 'jz’s boost is not a button for kevin').to.equal('SPAN')
    boosts[1]!.click()
    await waitFor(() => article(view, 'lunch')!.querySelectorAll('.boost').length === 1)
    expect(workspace.boosts('watercooler', 'david.1').map((b) => b.booster)).to.deep.equal(['jz'])
  })

  it('takes a custom boost of up to 16 characters and refuses a longer one', async () => {
    const view = await watercooler(workspace)
    await waitFor(() => article(view, 'lunch'))
    const form = article(view, 'lunch')!.querySelector<HTMLFormElement>('form.custom')!
    const input = form.querySelector('input')!
    input.value = 'way too long for a boost'
    form.requestSubmit()
    await view.updateComplete
    expect(root(view).querySelector('[role=alert]')?.textContent).to.contain('1 to 16 characters')
    expect(workspace.boosts('watercooler', 'david.1')).to.have.length(0)
    input.value = 'count me in'
    form.requestSubmit()
    await waitFor(() => article(view, 'lunch')!.querySelector('.boost'))
    expect(workspace.boosts('watercooler', 'david.1').map((b) => b.content)).to.deep.equal(['count me in'])
  })

  it('counts a boost kevin made with no relay as a change waiting', async () => {
    const doc = workspace.room('watercooler')!.doc
    const { encodeStateAsUpdate } = await import('yjs')
    workspace.room('watercooler')!.relayState.learnUpdate(encodeStateAsUpdate(doc))
    expect(workspace.pendingChanges()).to.equal(0)
    workspace.boost('watercooler', 'david.1', '👍')
    expect(workspace.pendingChanges()).to.equal(1)
  })

  it('keeps one message menu open at a time and closes it on Escape', async () => {
    workspace.post('watercooler', 'Me, at noon')
    const view = await watercooler(workspace)
    await waitFor(() => article(view, 'Me, at noon'))
    const menus = [...root(view).querySelectorAll<HTMLDetailsElement>('details.menu')]
    menus[0]!.querySelector('summary')!.click()
    menus[1]!.querySelector('summary')!.click()
    expect(menus.map((m) => m.open)).to.deep.equal([false, true])
    press(menus[1]!.querySelector('input')!, 'Escape')
    expect(menus[1]!.open).to.equal(false)
    expect(root(view).activeElement === menus[1]!.querySelector('summary'), 'the menu’s button has the focus back').to.equal(true)
  })

  it('brings kevin’s last message into view to edit it when 200 newer ones from david came after it', async () => {
    workspace.post('watercooler', 'An old thought')
    const mine = workspace.lastOwnMessage('watercooler')!
    receive(workspace, 'watercooler', Array.from({ length: 200 }, (_, i) => ({ id: `david.x${String(i).padStart(3, '0')}`, author: 'david', createdAt: mine.createdAt + 1 + i, body: `news ${i}` })))
    const view = await watercooler(workspace)
    await waitFor(() => article(view, 'news 199'))
    expect(article(view, 'An old thought'), 'outside the newest window').to.equal(undefined)
    const composer = root(view).querySelector('message-composer')!
    await composer.updateComplete
    press(composer.shadowRoot!.querySelector('textarea')!, 'ArrowUp')
    await waitFor(() => root(view).querySelector('textarea.editor'))
    const editor = root(view).querySelector<HTMLTextAreaElement>('textarea.editor')!
    expect(editor.value).to.equal('An old thought')
    const box = editor.getBoundingClientRect()
    const port = root(view).querySelector('.scroller')!.getBoundingClientRect()
    expect(box.top >= port.top && box.bottom <= port.bottom, 'the editor is on screen').to.equal(true)
  })
})
