import { expect } from '@open-wc/testing'
import '../../client/chat/message-composer.js'
import { DRAFT_SAVE_DELAY_MS, type MessageComposer } from '../../client/chat/message-composer.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { providing, workspaceFor } from './workspace-fixture.js'

async function composerFor(workspace: Workspace, roomId: string): Promise<{ composer: MessageComposer; textarea: HTMLTextAreaElement }> {
  const composer = document.createElement('message-composer')
  composer.roomId = roomId
  composer.roomName = 'Designers'
  providing(workspace).append(composer)
  await composer.updateComplete
  return { composer, textarea: composer.shadowRoot!.querySelector('textarea')! }
}

const press = (textarea: HTMLTextAreaElement, init: KeyboardEventInit) =>
  textarea.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init }))

describe('<message-composer>', () => {
  let workspace: Workspace

  beforeEach(async () => {
    workspace = await workspaceFor({ designers: { name: 'Designers', kind: 'closed', members: ['kevin', 'jz'] } })
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it('sends on Enter and keeps Shift+Enter for a new line', async () => {
    const { textarea } = await composerFor(workspace, 'designers')
    textarea.value = 'First line'
    const shifted = press(textarea, { key: 'Enter', shiftKey: true })
    expect(shifted, 'Shift+Enter is left to the textarea').to.equal(true)
    expect(workspace.messages('designers')).to.have.length(0)
    textarea.value = 'First line\nsecond line'
    press(textarea, { key: 'Enter' })
    expect(workspace.messages('designers').map((m) => m.body)).to.deep.equal(['First line\nsecond line'])
    expect(textarea.value).to.equal('')
  })

  it('does not send an empty message', async () => {
    const { textarea } = await composerFor(workspace, 'designers')
    textarea.value = '   '
    press(textarea, { key: 'Enter' })
    expect(workspace.messages('designers')).to.have.length(0)
  })

  it('keeps a draft in the user doc, so it is back after a reload', async () => {
    const first = await composerFor(workspace, 'designers')
    first.textarea.value = 'Half a thought'
    first.textarea.dispatchEvent(new Event('input'))
    await new Promise((resolve) => setTimeout(resolve, DRAFT_SAVE_DELAY_MS + 50))
    expect(workspace.draft('designers')).to.equal('Half a thought')
    document.body.replaceChildren()

    const second = await composerFor(workspace, 'designers')
    expect(second.textarea.value).to.equal('Half a thought')
    press(second.textarea, { key: 'Enter' })
    expect(workspace.draft('designers')).to.equal('')
  })

  it('takes the keyboard focus when asked, once it has rendered', async () => {
    const { composer, textarea } = await composerFor(workspace, 'designers')
    composer.focus()
    await composer.updateComplete
    expect(composer.shadowRoot!.activeElement).to.equal(textarea)
  })

  it('names its text box after the room for screen readers', async () => {
    const { composer } = await composerFor(workspace, 'designers')
    expect(composer.shadowRoot!.querySelector('label')?.textContent).to.contain('Message Designers')
  })
})
