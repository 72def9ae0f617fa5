import { expect } from '@open-wc/testing'
import * as Y from 'yjs'
import '../../client/chat/search-box.js'
import type { SearchBox } from '../../client/chat/search-box.js'
import { excerpt } from '../../client/search/excerpt.js'
import { messageIndexOf, SLICE } from '../../client/search/message-index.js'
import { recentSearches, rememberSearch } from '../../client/search/recent-searches.js'
import { termsOf } from '../../client/search/terms.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { providing, receive, waitFor, workspaceFor } from './workspace-fixture.js'

const START = new Date('2026-11-20T09:00:00').getTime()
const ids = (workspace: Workspace, query: string) => messageIndexOf(workspace).search(query).hits.map((hit) => hit.message.id)

async function searchBoxFor(workspace: Workspace): Promise<SearchBox> {
  const box = document.createElement('search-box')
  providing(workspace).append(box)
  await box.updateComplete
  return box
}

const $ = <E extends Element = HTMLElement>(box: SearchBox, selector: string) => box.shadowRoot!.querySelector<E>(selector)
const field = (box: SearchBox) => $<HTMLInputElement>(box, 'input[aria-label="Search messages"]')!
const results = (box: SearchBox) => [...box.shadowRoot!.querySelectorAll<HTMLAnchorElement>('ol[aria-label="Results"] a')]
const recent = (box: SearchBox) => [...box.shadowRoot!.querySelectorAll('button.recent')].map((button) => button.textContent)

async function type(box: SearchBox, text: string): Promise<void> {
  field(box).value = text
  field(box).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }))
  await box.updateComplete
}

function press(target: EventTarget, key: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }))
}

describe('search on the device', () => {
  let workspace: Workspace

  beforeEach(async () => {
    workspace = await workspaceFor({
      watercooler: { name: 'Watercooler', kind: 'open' },
      designers: { name: 'Designers', kind: 'closed', members: ['kevin', 'jz'] },
    })
    receive(workspace, 'watercooler', [
      { id: 'david.01', author: 'david', createdAt: START, body: 'Lunch at noon, upstairs?' },
      { id: 'jz.01', author: 'jz', createdAt: START + 60_000, body: '私は東京に住んでいます' },
      { id: 'david.02', author: 'david', createdAt: START + 120_000, body: 'The Ünïcödé café is **open** again' },
    ])
    receive(workspace, 'designers', [
      { id: 'jz.02', author: 'jz', createdAt: START + 180_000, body: 'The new logo is ready for lunch review' },
      { id: 'jz.03', author: 'jz', createdAt: START + 240_000, body: '我住在北京' },
    ])
  })

  afterEach(async () => {
    document.body.replaceChildren()
    history.replaceState(null, '', '/')
    await workspace.live.stop()
  })

  describe('the index', () => {
    it('finds a word in every room, newest first, with the room it is in', () => {
      const hits = messageIndexOf(workspace).search('lunch').hits
      expect(hits.map((hit) => `${hit.roomId}/${hit.message.id}`)).to.deep.equal(['designers/jz.02', 'watercooler/david.01'])
    })

    it('needs every word, and takes the last one as a prefix while it is typed', () => {
      expect(ids(workspace, 'lunch noo')).to.deep.equal(['david.01'])
      expect(ids(workspace, 'lun')).to.deep.equal(['jz.02', 'david.01'])
      expect(ids(workspace, 'noo lunch'), 'only the last word is a prefix').to.deep.equal([])
      expect(ids(workspace, 'dinner')).to.deep.equal([])
      expect(ids(workspace, 'l'), 'a lone letter is not a prefix').to.deep.equal([])
    })

    it('finds Japanese and Chinese words inside sentences written without spaces', () => {
      expect(ids(workspace, '東京')).to.deep.equal(['jz.01'])
      expect(ids(workspace, '住んでいます')).to.deep.equal(['jz.01'])
      expect(ids(workspace, '北京')).to.deep.equal(['jz.03'])
      expect(ids(workspace, '東')).to.deep.equal(['jz.01'])
      expect(ids(workspace, '東京に住'), 'across the segmenter’s word breaks').to.deep.equal(['jz.01'])
      expect(ids(workspace, '京に住ん'), 'a stretch that starts inside a word').to.deep.equal(['jz.01'])
      expect(ids(workspace, '大阪')).to.deep.equal([])
      expect(termsOf('東京都庁')).to.deep.equal(['東京', '京都', '都庁'])
    })

    it('finds Korean words with particles glued on, and Thai words by the segmenter’s dictionary', () => {
      receive(workspace, 'designers', [
        { id: 'jz.05', author: 'jz', createdAt: START + 500_000, body: '저는 서울에 살아요' },
        { id: 'jz.06', author: 'jz', createdAt: START + 600_000, body: 'ภาษาไทยง่ายนิดเดียว' },
      ])
      expect(ids(workspace, '서울')).to.deep.equal(['jz.05'])
      expect(ids(workspace, '살아요 저는')).to.deep.equal(['jz.05'])
      expect(termsOf('ภาษาไทยง่ายนิดเดียว')).to.include('ไทย')
      expect(ids(workspace, 'ไทย')).to.deep.equal(['jz.06'])
      expect(ids(workspace, 'ง่าย ภาษา')).to.deep.equal(['jz.06'])
    })

    it('folds case, accents and full-width forms, in the text and in the query', () => {
      expect(ids(workspace, 'unicode cafe')).to.deep.equal(['david.02'])
      expect(ids(workspace, 'ÜNÏ')).to.deep.equal(['david.02'])
      expect(ids(workspace, 'ｌｕｎｃｈ')).to.deep.equal(['jz.02', 'david.01'])
      expect(termsOf('नमस्ते दुनिया'), 'marks that are letters elsewhere stay').to.deep.equal(['नमस्ते', 'दुनिया'])
    })

    it('follows edits, deletions and new messages by re-indexing only those', () => {
      const index = messageIndexOf(workspace)
      index.refresh()
      expect(index.size).to.equal(5)
      const before = index.indexed
      const mine = workspace.post('watercooler', 'Pizza for lunch')!
      workspace.edit('watercooler', mine, 'Sushi for lunch')
      receive(workspace, 'designers', [{ id: 'david.03', author: 'david', createdAt: START + 300_000, body: 'Pizza, then' }])
      workspace.room('designers')!.doc.getMap('messages').delete('jz.02') // as david, an administrator, would
      expect(ids(workspace, 'pizza')).to.deep.equal(['david.03'])
      expect(ids(workspace, 'sushi')).to.deep.equal([mine])
      expect(ids(workspace, 'lunch')).to.deep.equal([mine, 'david.01'])
      expect(index.size).to.equal(6)
      expect(index.indexed - before, 'two new messages, nothing else read again').to.equal(2)
      workspace.edit('watercooler', mine, 'Ramen for lunch')
      expect(ids(workspace, 'ramen')).to.deep.equal([mine])
      expect(ids(workspace, 'sushi')).to.deep.equal([])
      expect(index.indexed - before, 'the edited message, once').to.equal(3)
    })

    it('builds in slices between tasks, and a search meanwhile sees what is read so far', async () => {
      receive(workspace, 'watercooler', Array.from({ length: 2 * SLICE + 500 }, (_, i) => ({
        id: `jz.1${String(i).padStart(5, '0')}`, author: 'jz', createdAt: START + 1_000_000 + i, body: `lunch number ${i}`,
      })))
      const index = messageIndexOf(workspace)
      let slices = 0
      index.addEventListener('change', () => slices++)
      const built = index.buildLater()
      const early = index.search('lunch')
      expect(early.pending, 'the rest is read later').to.be.greaterThan(0)
      expect(early.total).to.be.lessThan(2 * SLICE + 502)
      await built
      const done = index.search('lunch')
      expect(done.pending).to.equal(0)
      expect(done.total).to.equal(2 * SLICE + 502)
      expect(done.hits[0]!.message.body, 'newest first').to.equal(`lunch number ${2 * SLICE + 499}`)
      expect(slices).to.be.greaterThan(2)
    })

    it('forgets a room the person no longer sees', () => {
      expect(ids(workspace, 'logo')).to.deep.equal(['jz.02'])
      // Removed from the closed room (an invisible room is still reachable, and still searched).
      workspace.user.doc.getMap('rooms').delete('designers')
      expect(ids(workspace, 'logo')).to.deep.equal([])
    })

    it('cuts an excerpt around the first hit and marks the matched words', () => {
      const body = `${'word '.repeat(40)}and then **lunch** at [noon](https://example.com)`
      const parts = excerpt(body, ['lunch', 'noon'])
      expect(parts[0]!.text).to.equal('…')
      expect(parts.filter((part) => part.hit).map((part) => part.text)).to.deep.equal(['lunch', 'noon'])
      expect(parts.map((part) => part.text).join('')).to.match(/word and then lunch at noon$/)
      expect(excerpt('私は東京都に住んでいます', ['東京', '京都']).filter((part) => part.hit).map((part) => part.text)).to.deep.equal(['東京都'])
    })
  })

  describe('the last searches', () => {
    it('keeps the ten latest in the user doc, most recent first, each once', () => {
      for (let i = 1; i <= 12; i++) rememberSearch(workspace.user.doc, `query ${i}`)
      rememberSearch(workspace.user.doc, '  QUERY   5 ')
      const stored = workspace.user.doc.getArray('searches').toArray()
      expect(stored).to.deep.equal(['QUERY 5', 'query 12', 'query 11', 'query 10', 'query 9', 'query 8', 'query 7', 'query 6', 'query 4', 'query 3'])
      expect(recentSearches(workspace.user.doc)).to.deep.equal(stored)
    })

    it('reads duplicates and overflow written by two devices at once as ten distinct searches', () => {
      const other = new Y.Doc()
      Y.applyUpdate(other, Y.encodeStateAsUpdate(workspace.user.doc))
      for (let i = 1; i <= 8; i++) rememberSearch(workspace.user.doc, `here ${i}`)
      for (let i = 1; i <= 8; i++) rememberSearch(other, i === 8 ? 'here 8' : `there ${i}`)
      Y.applyUpdate(workspace.user.doc, Y.encodeStateAsUpdate(other))
      const read = recentSearches(workspace.user.doc)
      expect(read).to.have.length(10)
      expect(new Set(read).size).to.equal(10)
      rememberSearch(workspace.user.doc, 'later')
      expect(workspace.user.doc.getArray('searches').length, 'the next search trims the overflow').to.equal(10)
    })
  })

  describe('<search-box>', () => {
    it('opens with Ctrl+K, shows results with author, room and excerpt as kevin types, and closes with Esc', async () => {
      const box = await searchBoxFor(workspace)
      press(document.body, 'k', { ctrlKey: true })
      await waitFor(() => $<HTMLDialogElement>(box, 'dialog')!.open && box.shadowRoot!.activeElement === field(box))
      await type(box, 'lunch')
      expect(results(box).map((link) => link.querySelector('.room')!.textContent)).to.deep.equal(['#Designers', '#Watercooler'])
      expect(results(box)[1]!.querySelector('.meta strong')!.textContent).to.equal('David Heinemeier Hansson')
      expect(results(box)[1]!.querySelector('.excerpt')!.textContent).to.equal('Lunch at noon, upstairs?')
      expect([...box.shadowRoot!.querySelectorAll('mark')].map((mark) => mark.textContent)).to.deep.equal(['lunch', 'Lunch'])
      expect($(box, '[role=status]')!.textContent).to.equal('2 messages')
      await type(box, 'lunch upst')
      expect(results(box).map((link) => link.dataset.id)).to.deep.equal(['david.01'])
      press(field(box), 'Escape')
      await box.updateComplete
      expect($<HTMLDialogElement>(box, 'dialog')!.open).to.equal(false)
    })

    it('opens with "/" except while typing, where a slash is a slash', async () => {
      const box = await searchBoxFor(workspace)
      const textarea = document.createElement('textarea')
      document.body.append(textarea)
      press(textarea, '/')
      await box.updateComplete
      expect($<HTMLDialogElement>(box, 'dialog')!.open).to.equal(false)
      press(document.body, '/')
      await waitFor(() => $<HTMLDialogElement>(box, 'dialog')!.open)
    })

    it('shows message text as text, never as markup', async () => {
      receive(workspace, 'watercooler', [{ id: 'jz.04', author: 'jz', createdAt: START + 400_000, body: '<img src=x onerror="window.hacked=1"> lunch <b>now</b>' }])
      const box = await searchBoxFor(workspace)
      await box.show()
      await type(box, 'lunch now')
      expect(results(box).map((link) => link.dataset.id)).to.deep.equal(['jz.04'])
      expect(box.shadowRoot!.querySelector('ol img, ol b')).to.equal(null)
      expect(results(box)[0]!.querySelector('.excerpt')!.textContent).to.contain('<img src=x')
    })

    it('opens a result at its permalink and remembers the search', async () => {
      const box = await searchBoxFor(workspace)
      await box.show()
      await type(box, '東京')
      let routed = ''
      addEventListener('popstate', () => (routed = location.pathname), { once: true })
      results(box)[0]!.click()
      expect(routed).to.equal('/rooms/watercooler/messages/jz.01')
      await box.updateComplete
      expect($<HTMLDialogElement>(box, 'dialog')!.open).to.equal(false)
      expect(recentSearches(workspace.user.doc)).to.deep.equal(['東京'])
    })

    it('opens the newest result with Enter, and offers the last searches when the field is empty', async () => {
      const box = await searchBoxFor(workspace)
      await box.show()
      await type(box, 'logo')
      press(field(box), 'Enter')
      expect(location.pathname).to.equal('/rooms/designers/messages/jz.02')
      await box.show()
      await type(box, 'nothing like this')
      press(field(box), 'Enter')
      expect($(box, '[role=status]')!.textContent).to.equal('No messages match.')
      await type(box, 'logo')
      press(field(box), 'Enter')
      await box.show()
      await type(box, '')
      expect(recent(box)).to.deep.equal(['logo', 'nothing like this'])
      box.shadowRoot!.querySelector<HTMLButtonElement>('button.recent')!.click()
      await box.updateComplete
      expect(field(box).value).to.equal('logo')
      expect(results(box).map((link) => link.dataset.id)).to.deep.equal(['jz.02'])
    })
  })
})
