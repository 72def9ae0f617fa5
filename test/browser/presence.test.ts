import { expect } from '@open-wc/testing'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import '../../client/chat/room-view.js'
import type { RoomView } from '../../client/chat/room-view.js'
import { LiveConnection } from '../../client/live/live-connection.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { roomViewOf, waitFor, workspaceFor } from './workspace-fixture.js'

/**
 * A relay that never answers: the socket stays connecting. (A failing socket would close over and
 * over, and each close rightly forgets everyone else's presence.)
 */
class SilentSocket extends EventTarget {
  readyState = 0
  binaryType = 'arraybuffer'
  onopen = null
  onmessage = null
  onerror = null
  onclose = null
  send(): void {}
  close(): void {}
}

/** Another tab in the room, as its presence would arrive through the relay. */
class Tab {
  readonly awareness = new Awareness(new Y.Doc())
  constructor(private readonly workspace: Workspace, private readonly roomId: string) {}

  say(state: Record<string, unknown> | null): this {
    this.awareness.setLocalState(state)
    applyAwarenessUpdate(this.workspace.room(this.roomId)!.awareness, encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]), 'relay')
    return this
  }
}

const presenceOf = (view: RoomView) => view.shadowRoot!.querySelector('room-presence')!
const namesHere = (view: RoomView) => [...presenceOf(view).shadowRoot!.querySelectorAll('li')].map((li) => li.title).join(', ')
const myState = (workspace: Workspace, roomId: string) => JSON.stringify(workspace.room(roomId)!.awareness.getLocalState())

describe('who is in a room right now', () => {
  let workspace: Workspace
  const tabs: Tab[] = []
  const tab = (roomId: string) => {
    const opened = new Tab(workspace, roomId)
    tabs.push(opened)
    return opened
  }

  beforeEach(async () => {
    const live = new LiveConnection({ url: 'ws://relay.invalid/live', persist: false, WebSocket: SilentSocket as unknown as typeof WebSocket })
    workspace = await workspaceFor({
      designers: { name: 'Designers', kind: 'closed', members: ['kevin', 'jz', 'david'] },
      watercooler: { name: 'Watercooler', kind: 'open' },
    }, live)
  })

  afterEach(async () => {
    document.body.replaceChildren()
    for (const opened of tabs.splice(0)) opened.awareness.destroy()
    await workspace.live.stop()
  })

  it('shows the others viewing the room, each once however many tabs they have', async () => {
    const view = await roomViewOf(workspace, 'designers')
    expect(namesHere(view)).to.equal('')
    tab('designers').say({ user: 'jz' })
    tab('designers').say({ user: 'jz', typing: Date.now() })
    tab('designers').say({ user: 'david' })
    await waitFor(() => namesHere(view) === 'Jason Zimdars, David Heinemeier Hansson')
    expect(workspace.here('designers')).to.deep.equal(['jz', 'david'])
    const list = presenceOf(view).shadowRoot!.querySelector('ul')!
    expect(list.getAttribute('aria-label')).to.equal('Here now')
    expect(list.textContent).to.contain('JZ').and.to.contain('Jason Zimdars')
  })

  it('drops someone once they leave the room, and never counts kevin himself', async () => {
    const view = await roomViewOf(workspace, 'designers')
    const jz = tab('designers').say({ user: 'jz' })
    tab('designers').say({ user: 'kevin' })
    await waitFor(() => namesHere(view) === 'Jason Zimdars')
    jz.say(null)
    await waitFor(() => namesHere(view) === '')
    expect(presenceOf(view).shadowRoot!.querySelector('ul')).to.equal(null)
  })

  it('announces kevin in the room on screen only, and moves him with it', async () => {
    const view = await roomViewOf(workspace, 'designers')
    await waitFor(() => myState(workspace, 'designers') === '{"user":"kevin"}')
    expect(myState(workspace, 'watercooler')).to.equal('null')

    view.roomId = 'watercooler'
    await waitFor(() => myState(workspace, 'watercooler') === '{"user":"kevin"}')
    expect(myState(workspace, 'designers')).to.equal('null')

    view.remove()
    await waitFor(() => myState(workspace, 'watercooler') === 'null')
  })

  it('keeps kevin present after he stops typing, with the typing mark gone', async () => {
    await roomViewOf(workspace, 'designers')
    await waitFor(() => myState(workspace, 'designers') === '{"user":"kevin"}')
    workspace.setTyping('designers', true)
    expect(workspace.room('designers')!.awareness.getLocalState()).to.have.property('typing')
    workspace.setTyping('designers', false)
    expect(myState(workspace, 'designers')).to.equal('{"user":"kevin"}')
  })

  it('withdraws kevin when the page is hidden or closed', async () => {
    await roomViewOf(workspace, 'designers')
    await waitFor(() => myState(workspace, 'designers') === '{"user":"kevin"}')
    dispatchEvent(new PageTransitionEvent('pagehide'))
    expect(myState(workspace, 'designers')).to.equal('null')
    dispatchEvent(new PageTransitionEvent('pageshow'))
    expect(myState(workspace, 'designers')).to.equal('{"user":"kevin"}')
  })
})
