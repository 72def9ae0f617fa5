/**
 * How long the on-device search index takes over 20,000 messages, in Chromium:
 *   npx web-test-runner bench/search/index-20k.browser.ts
 * Prints figures (no assertion on time: the machine is shared). 20,000 messages over 10 rooms,
 * English with some Japanese, 8 to 30 words each, written the way shared/room writes them.
 */
import * as Y from 'yjs'
import MiniSearch from 'minisearch'
import { MessageIndex, SLICE } from '../../client/search/message-index.js'
import { termsOf } from '../../client/search/terms.js'
import { postMessage } from '../../shared/room/messages.js'
import { readMessages } from '../../shared/room/order.js'

const MESSAGES = 20_000
const ROOMS = 10
const WORDS = `lunch meeting deploy release design logo review ticket customer invoice coffee weekend server
  database migration campfire hearth message search index offline browser chromium yjs relay socket room
  people account invite boost mention reply permalink draft unread typing upstairs noon tomorrow friday
  東京 大阪 会議 リリース 明日 ランチ 검색 서울 café naïve résumé`.split(/\s+/).filter(Boolean)

function sentence(seed: number): string {
  let x = seed * 2654435761 % 2 ** 32
  const next = () => (x = (x * 1664525 + 1013904223) % 2 ** 32)
  const length = 8 + (next() % 23)
  return Array.from({ length }, () => WORDS[next() % WORDS.length]).join(' ') + (seed % 7 === 0 ? ' 私は東京に住んでいます' : '')
}

const ms = (from: number) => `${(performance.now() - from).toFixed(0)} ms`

describe('search index, 20,000 messages', () => {
  it('measures building, searching and keeping up', async () => {
    let start = performance.now()
    const docs = Array.from({ length: ROOMS }, () => new Y.Doc())
    docs.forEach((doc, room) => {
      for (let i = room; i < MESSAGES; i += ROOMS) postMessage(doc, `user${i % 5}`, { body: sentence(i) })
    })
    start = performance.now()
    const bodies = docs.flatMap((doc) => readMessages(doc).map((message) => message.body))
    console.log(`reading the messages out of the docs: ${ms(start)}`)
    start = performance.now()
    const terms = bodies.reduce((sum, body) => sum + termsOf(body).length, 0)
    console.log(`cutting them into ${terms} terms: ${ms(start)}`)
    start = performance.now()
    const plain = new MiniSearch({ fields: ['body'], tokenize: (text) => text.split(' '), processTerm: (term) => term })
    plain.addAll(bodies.map((body, id) => ({ id, body })))
    console.log(`MiniSearch alone, split on spaces: ${ms(start)}`)
    const index = new MessageIndex(() => docs.map((doc, i) => [`room${i}`, doc] as const))
    start = performance.now()
    index.refresh()
    console.log(`built at once: ${index.size} messages in ${ms(start)}`)
    const later = new MessageIndex(() => docs.map((doc, i) => [`room${i}`, doc] as const))
    let longest = 0
    let sliceStart = performance.now()
    later.addEventListener('change', () => {
      longest = Math.max(longest, performance.now() - sliceStart)
    })
    const tick = setInterval(() => (sliceStart = performance.now()), 0)
    start = performance.now()
    sliceStart = start
    await later.buildLater()
    clearInterval(tick)
    console.log(`built in slices of ${SLICE}: ${later.size} messages in ${ms(start)}, the longest slice ${longest.toFixed(0)} ms`)
    for (const query of ['l', 'lu', 'lunch', 'lunch no', 'deploy friday release', '東京', '住んでいます', 'cafe', 'z']) {
      start = performance.now()
      const { total } = index.search(query)
      console.log(`search "${query}": ${total} hits in ${ms(start)}`)
    }
    start = performance.now()
    postMessage(docs[3]!, 'user1', { body: 'a brand new message about pelicans' })
    const { total } = index.search('pelicans')
    console.log(`one new message, then a search: ${total} hit in ${ms(start)} (${index.indexed - MESSAGES} re-indexed)`)
    index.search('lunch')
    start = performance.now()
    index.search('lunch')
    console.log(`the same search again, nothing changed (as on a re-render): ${ms(start)}`)
  })
})
