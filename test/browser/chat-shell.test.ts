import { expect } from '@open-wc/testing'
import '../../client/chat/chat-shell.js'
import type { ChatShell } from '../../client/chat/chat-shell.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { providing, waitFor, workspaceFor, FOUR_ROOMS } from './workspace-fixture.js'

/** Alt+↑/↓ as a person presses them, wherever focus is. */
const altArrow = (key: 'ArrowUp' | 'ArrowDown') =>
  window.dispatchEvent(new KeyboardEvent('keydown', { key, altKey: true, bubbles: true, cancelable: true }))

describe('<chat-shell> keyboard', () => {
  let workspace: Workspace
  const startedAt = location.pathname

  beforeEach(async () => {
    workspace = await workspaceFor(FOUR_ROOMS)
  })

  afterEach(async () => {
    document.body.replaceChildren()
    await workspace.live.stop()
    history.replaceState(null, '', startedAt)
  })

  async function shellIn(roomId: string): Promise<ChatShell> {
    const shell = document.createElement('chat-shell')
    shell.roomId = roomId
    providing(workspace).append(shell)
    await shell.updateComplete
    return shell
  }

  it('moves to the next and previous room in sidebar order with Alt+↓ / Alt+↑, pings first', async () => {
    await shellIn('all-talk')
    altArrow('ArrowDown')
    expect(location.pathname).to.equal('/rooms/designers')
    altArrow('ArrowUp')
    // The shell was told it shows All Talk (the app would tell it otherwise): up from there is the ping.
    expect(location.pathname).to.equal('/rooms/ping-david-kevin')
  })

  it('skips a room kevin made invisible, and ignores arrows without Alt', async () => {
    const rooms = workspace.user.doc.getMap<Record<string, unknown>>('rooms')
    rooms.set('designers', { ...rooms.get('designers')!, involvement: 'invisible' })
    await waitFor(() => workspace.rooms().get('designers')?.involvement === 'invisible')
    await shellIn('all-talk')
    history.replaceState(null, '', '/rooms/all-talk')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }))
    expect(location.pathname).to.equal('/rooms/all-talk')
    altArrow('ArrowDown')
    expect(location.pathname).to.equal('/rooms/watercooler')
  })
})
