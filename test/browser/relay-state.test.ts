import { expect } from '@open-wc/testing'
import * as Y from 'yjs'
import { RelayState } from '../../client/live/relay-state.js'
import { itemIdsOf } from '../../client/room/message.js'
import { postMessage } from '../../client/room/message-writer.js'

const fresh = (name: string) => `room:watercooler-${name}-${Math.random().toString(36).slice(2)}`

describe('what the relay holds of a room', () => {
  it('counts a message as delivered only once the relay has echoed it', () => {
    const doc = new Y.Doc()
    const state = new RelayState(fresh('echo'))
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const id = postMessage(doc, 'kevin', 'Writing from the train')
    expect(itemIdsOf(doc, id).every((item) => state.covers(item))).to.equal(false)
    expect(state.coversDoc(doc)).to.equal(false)
    for (const update of updates) state.learnUpdate(update)
    expect(itemIdsOf(doc, id).every((item) => state.covers(item))).to.equal(true)
    expect(state.coversDoc(doc)).to.equal(true)
  })

  it('learns from the relay’s state vector what it already has', () => {
    const doc = new Y.Doc()
    postMessage(doc, 'david', 'Morning')
    const state = new RelayState(fresh('vector'))
    state.learnStateVector(Y.encodeStateVector(doc))
    expect(state.coversDoc(doc)).to.equal(true)
  })

  it('remembers across a reload, and forgets when told to', () => {
    const name = fresh('reload')
    const doc = new Y.Doc()
    postMessage(doc, 'david', 'Morning')
    new RelayState(name).learnStateVector(Y.encodeStateVector(doc))
    expect(new RelayState(name).coversDoc(doc)).to.equal(true)
    new RelayState(name).forget()
    expect(new RelayState(name).coversDoc(doc)).to.equal(false)
  })
})
