import { expect } from '@open-wc/testing'
import '../../client/chat/room-view.js'
import type { RoomView } from '../../client/chat/room-view.js'
import { withMentionChips } from '../../client/markdown/mention-chips.js'
import { renderMarkdown } from '../../client/markdown/render-markdown.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { providing, waitFor, workspaceFor, press, typeInto } from './workspace-fixture.js'

async function designers(workspace: Workspace): Promise<{ view: RoomView; textarea: HTMLTextAreaElement }> {
  const view = document.createElement('room-view')
  view.roomId = 'designers'
  providing(workspace).append(view)
  await view.updateComplete
  const composer = view.shadowRoot!.querySelector('message-composer')!
  await composer.updateComplete
  return { view, textarea: composer.shadowRoot!.querySelector('textarea')! }
}

const options = (textarea: HTMLTextAreaElement) =>
  [...(textarea.getRootNode() as ShadowRoot).querySelectorAll('[role=option]')].map((o) => ({ name: o.textContent?.trim().slice(2), selected: o.getAttribute('aria-selected') }))

describe('mentions', () => {
  let workspace: Workspace

  beforeEach(async () => {
    workspace = await workspaceFor({ designers: { name: 'Designers', kind: 'closed', members: ['kevin', 'jz', 'david'] } })
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
  })

  it('suggests the room’s people on @, moves with the arrows, and stores the chosen one as an id', async () => {
    const { view, textarea } = await designers(workspace)
    typeInto(textarea, 'Thanks @')
    await view.updateComplete
    const composer = view.shadowRoot!.querySelector('message-composer')!
    await composer.updateComplete
    expect(options(textarea)).to.deep.equal([
      { name: 'David Heinemeier Hansson', selected: 'true' },
      { name: 'Jason Zimdars', selected: 'false' },
    ])
    press(textarea, 'ArrowDown')
    await composer.updateComplete
    expect(textarea.getAttribute('aria-activedescendant')).to.equal('suggestion-1')
    press(textarea, 'Enter')
    await composer.updateComplete
    expect(textarea.value).to.equal('Thanks @Jason Zimdars ')
    expect(options(textarea), 'choosing closes the list').to.deep.equal([])
    typeInto(textarea, 'for the logo')
    press(textarea, 'Enter')
    const sent = workspace.messages('designers').at(-1)!
    expect(sent.body).to.equal('Thanks @Jason Zimdars for the logo')
    expect(sent.mentions).to.deep.equal(['jz'])
  })

  it('narrows the suggestions by any word of a name and closes them on Escape', async () => {
    const { view, textarea } = await designers(workspace)
    const composer = view.shadowRoot!.querySelector('message-composer')!
    typeInto(textarea, '@zim')
    await composer.updateComplete
    expect(options(textarea).map((o) => o.name)).to.deep.equal(['Jason Zimdars'])
    press(textarea, 'Escape')
    await composer.updateComplete
    expect(options(textarea)).to.deep.equal([])
    expect(textarea.value, 'Escape leaves the text alone').to.equal('@zim')
  })

  it('renders a mention as a chip and highlights the message for the person mentioned', async () => {
    const { view } = await designers(workspace)
    const doc = workspace.room('designers')!.doc
    const { postMessage } = await import('../../shared/room/messages.js')
    postMessage(doc, 'david', { body: 'Over to you @Kevin McConnell', mentions: ['kevin'] })
    postMessage(doc, 'david', { body: 'And @Jason Zimdars too', mentions: ['jz'] })
    await waitFor(() => view.shadowRoot!.querySelectorAll('article.message').length === 2)
    const [forKevin, forJz] = [...view.shadowRoot!.querySelectorAll<HTMLElement>('article.message')]
    expect(forKevin!.classList.contains('mentions-me')).to.equal(true)
    expect(forJz!.classList.contains('mentions-me')).to.equal(false)
    expect(forKevin!.querySelector('.mention')?.textContent).to.equal('@Kevin McConnell')
    expect(forJz!.querySelector('.mention')?.textContent).to.equal('@Jason Zimdars')
  })

  it('never turns a mention name into markup, and leaves code alone', () => {
    const html = withMentionChips(renderMarkdown('hi @<b>x</b> and `@jz` and @jz'), ['jz', '<b>x</b>'])
    expect(html.trim()).to.equal('<p>hi <span class="mention">@&lt;b&gt;x&lt;/b&gt;</span> and <code>@jz</code> and <span class="mention">@jz</span></p>')
  })
})
