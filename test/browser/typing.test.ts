import { expect } from '@open-wc/testing'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { typingLine } from '../../client/chat/room-view.js'
import { TYPING_MS, type Workspace } from '../../client/workspace/workspace.js'
import { workspaceFor } from './workspace-fixture.js'

/** jz's tab, as its presence would arrive through the relay. */
function jzTyping(workspace: Workspace, roomId: string, at: number): void {
  const jz = new Awareness(new Y.Doc())
  jz.setLocalState({ user: 'jz', typing: at })
  applyAwarenessUpdate(workspace.room(roomId)!.awareness, encodeAwarenessUpdate(jz, [jz.clientID]), 'relay')
  jz.destroy()
}

describe('typing in a room', () => {
  let workspace: Workspace

  beforeEach(async () => {
    workspace = await workspaceFor({ designers: { name: 'Designers', kind: 'closed', members: ['kevin', 'jz'] } })
  })

  afterEach(() => workspace.live.stop())

  it('names who else is typing, for five seconds after their last keystroke', () => {
    const now = Date.now()
    jzTyping(workspace, 'designers', now)
    expect(workspace.typing('designers', now + 1000)).to.deep.equal(['Jason Zimdars'])
    expect(workspace.typing('designers', now + TYPING_MS + 1)).to.deep.equal([])
  })

  it('never lists kevin as typing to himself', () => {
    workspace.setTyping('designers', true)
    expect(workspace.room('designers')!.awareness.getLocalState()).to.include({ user: 'kevin' })
    expect(workspace.typing('designers')).to.deep.equal([])
    workspace.setTyping('designers', false)
    expect(workspace.room('designers')!.awareness.getLocalState()).to.equal(null)
  })

  it('says it the way people do', () => {
    expect(typingLine([])).to.equal('')
    expect(typingLine(['Kevin'])).to.equal('Kevin is typing…')
    expect(typingLine(['Kevin', 'JZ'])).to.equal('Kevin and JZ are typing…')
    expect(typingLine(['Kevin', 'JZ', 'David'])).to.equal('Several people are typing…')
  })
})
