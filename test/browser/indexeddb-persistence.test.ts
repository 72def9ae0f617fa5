import { expect } from '@open-wc/testing'
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'

describe('a room kept on the device', () => {
  it('reads back what was written after the doc is reopened from IndexedDB', async () => {
    const name = `room:watercooler-${Math.random().toString(36).slice(2)}`
    const first = new Y.Doc()
    const firstStore = new IndexeddbPersistence(name, first)
    await firstStore.whenSynced
    first.getMap('messages').set('david.01', 'Morning, everyone')
    await new Promise((resolve) => setTimeout(resolve, 50))
    await firstStore.destroy()
    first.destroy()

    const second = new Y.Doc()
    const secondStore = new IndexeddbPersistence(name, second)
    await secondStore.whenSynced
    expect(second.getMap('messages').get('david.01')).to.equal('Morning, everyone')
    await secondStore.clearData()
    second.destroy()
  })
})
