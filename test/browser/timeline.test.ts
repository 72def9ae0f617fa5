import { expect } from '@open-wc/testing'
import * as Y from 'yjs'
import { readMessages, type Message } from '../../client/room/message.js'
import { postMessage } from '../../client/room/message-writer.js'
import { GROUPING_WINDOW_MS, dayLabel, layOut } from '../../client/room/timeline.js'

const at = (iso: string) => new Date(iso).getTime()
const message = (id: string, author: string, createdAt: number, body = id): Message => ({ id, author, createdAt, body, mentions: [] })

describe('a room timeline', () => {
  it('orders messages by createdAt, then id, whatever order they were inserted in', () => {
    const doc = new Y.Doc()
    const messages = doc.getMap('messages')
    for (const [id, createdAt] of [['kevin.02', 2000], ['david.01', 1000], ['jz.01', 2000]] as const) {
      const entry = new Y.Map<unknown>()
      messages.set(id, entry)
      entry.set('author', id.split('.')[0])
      entry.set('createdAt', createdAt)
      entry.set('body', 'hi')
    }
    expect(readMessages(doc).map((m) => m.id)).to.deep.equal(['david.01', 'jz.01', 'kevin.02'])
  })

  it('skips a message whose fields are missing instead of showing it broken', () => {
    const doc = new Y.Doc()
    const entry = new Y.Map<unknown>()
    doc.getMap('messages').set('david.01', entry)
    entry.set('author', 'david')
    expect(readMessages(doc)).to.deep.equal([])
  })

  it('never dates a new message before one it has seen, even with a lagging clock', () => {
    const doc = new Y.Doc()
    const future = Date.now() + 60_000
    const entry = new Y.Map<unknown>()
    doc.getMap('messages').set('kevin.01', entry)
    entry.set('author', 'kevin')
    entry.set('createdAt', future)
    entry.set('body', 'from a fast clock')
    postMessage(doc, 'david', 'reply')
    const [first, second] = readMessages(doc)
    expect(first?.author).to.equal('kevin')
    expect(second?.author).to.equal('david')
    expect(second?.createdAt).to.equal(future + 1)
  })

  it('groups one author’s messages within five minutes under one header', () => {
    const start = at('2026-11-26T10:00:00')
    const rows = layOut([
      message('david.1', 'david', start),
      message('david.2', 'david', start + GROUPING_WINDOW_MS - 1),
      message('kevin.1', 'kevin', start + GROUPING_WINDOW_MS),
      message('kevin.2', 'kevin', start + 2 * GROUPING_WINDOW_MS + 1),
    ])
    const starts = rows.flatMap((row) => (row.kind === 'message' ? [[row.message.id, row.startsGroup]] : []))
    expect(starts).to.deep.equal([['david.1', true], ['david.2', false], ['kevin.1', true], ['kevin.2', true]])
  })

  it('puts a separator between local days and starts a new group after it', () => {
    const rows = layOut([message('david.1', 'david', at('2026-11-25T23:58:00')), message('david.2', 'david', at('2026-11-26T00:01:00'))])
    expect(rows.map((row) => row.kind)).to.deep.equal(['day', 'message', 'day', 'message'])
    const last = rows[3]
    expect(last?.kind === 'message' && last.startsGroup).to.equal(true)
  })

  it('labels today and yesterday by name', () => {
    const now = new Date('2026-11-26T12:00:00')
    expect(dayLabel(new Date('2026-11-26T08:00:00'), now)).to.equal('Today')
    expect(dayLabel(new Date('2026-11-25T08:00:00'), now)).to.equal('Yesterday')
    expect(dayLabel(new Date('2026-11-20T08:00:00'), now)).to.contain('20')
  })
})
