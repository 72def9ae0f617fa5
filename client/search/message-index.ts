/**
 * Search on the device: one MiniSearch index over the messages of every room this device holds,
 * so it works offline and never asks the relay. It is built the first time someone opens the
 * search, in slices between tasks (`buildLater`), and then kept up to date from the room docs
 * themselves: each room's `messages` map is observed and the ids it touches are noted as dirty (a
 * cheap Set insert per change), and only those are re-read, re-indexed or dropped before the next
 * search. Nothing is re-indexed on a keystroke, and a message arriving costs one document.
 *
 * A room whose doc was replaced (a reset after a refused write) or that is no longer listed is
 * dropped and, if still here, indexed again from its new doc.
 */
import MiniSearch from 'minisearch'
import type * as Y from 'yjs'
import { messagesOf, type Message } from '../room/message.js'
import { readMessage } from '../../shared/room/order.js'
import type { Workspace } from '../workspace/workspace.js'
import { isPaired, termsOf } from './terms.js'

/** Results a search returns at most (the newest of all that match). */
export const MAX_HITS = 50

export interface SearchHit {
  roomId: string
  message: Message
  /** The index's terms that matched in this message, for highlighting. */
  terms: string[]
}

export interface SearchResults {
  hits: SearchHit[]
  /** How many messages matched in all (hits holds at most MAX_HITS of them). */
  total: number
  /** Messages not read into the index yet (a first build still running): results may lack some. */
  pending: number
}

/** Where the room docs come from: the ones this device has, by room id. */
export type RoomDocs = () => Iterable<readonly [roomId: string, doc: Y.Doc]>

/** Messages read into the index per task while building in the background (tens of ms). */
export const SLICE = 1000

interface IndexedRoom {
  doc: Y.Doc
  messages: Map<string, Message>
  /** Ids touched since the last catch-up. */
  dirty: Set<string>
  /** Ids not read yet: all of them when the room is new here, newest-written last (read first). */
  backlog: string[]
  stop: () => void
}

interface Entry {
  key: string
  body: string
}

/**
 * The query's last word is still being typed: it matches as a prefix. Not a lone Latin letter
 * ("l" would expand to every word starting with l, the slowest search there is, for nothing a
 * person wants); a lone Han or Kana character is a word of its own, and does.
 */
function isBeingTyped(term: string, i: number, terms: string[]): boolean {
  return i === terms.length - 1 && (term.length > 1 || isPaired(term))
}

/** Room and message ids never contain a newline. */
const keyOf = (roomId: string, messageId: string) => `${roomId}\n${messageId}`

/** Says `change` whenever a background build has read another slice. */
export class MessageIndex extends EventTarget {
  private readonly index = new MiniSearch<Entry>({
    idField: 'key',
    fields: ['body'],
    tokenize: termsOf,
    // termsOf already normalized every term.
    processTerm: (term) => term,
    searchOptions: { combineWith: 'AND', prefix: isBeingTyped },
  })
  private readonly rooms = new Map<string, IndexedRoom>()
  /** Messages added to or replaced in the index since it was made: what keeping it up to date has cost. */
  indexed = 0
  /** Grows with every change to the index; the last search is answered again while it stands. */
  private version = 0
  private last: { query: string; limit: number; version: number; results: SearchResults } | undefined
  private building: Promise<void> | undefined

  constructor(private readonly roomDocs: RoomDocs) {
    super()
  }

  /** Messages holding every word of the query (the last one as a prefix, as it is being typed), newest first. */
  search(query: string, limit = MAX_HITS): SearchResults {
    // While a build runs in the background, a search sees what it has read so far.
    const pending = this.refresh(this.building ? 0 : Infinity)
    // The search box renders on every change to the workspace (typing, presence): the same search
    // over an unchanged index is answered from the last time.
    const last = this.last
    if (last?.query === query && last.limit === limit && last.version === this.version) return last.results
    const results = { ...this.find(query, limit), pending }
    this.last = { query, limit, version: this.version, results }
    return results
  }

  private find(query: string, limit: number): Omit<SearchResults, 'pending'> {
    if (termsOf(query).length === 0) return { hits: [], total: 0 }
    const hits: SearchHit[] = []
    for (const result of this.index.search(query)) {
      const [roomId = '', messageId = ''] = String(result.id).split('\n')
      const message = this.rooms.get(roomId)?.messages.get(messageId)
      if (message) hits.push({ roomId, message, terms: result.terms })
    }
    hits.sort((a, b) => b.message.createdAt - a.message.createdAt || (a.message.id < b.message.id ? 1 : -1))
    return { hits: hits.slice(0, limit), total: hits.length }
  }

  /** How many messages the index holds. */
  get size(): number {
    return this.index.documentCount
  }

  /**
   * Brings the index up to date: rooms new here are noted, changes in known rooms applied, and up
   * to `budget` messages not read yet are read. Returns how many are still not read.
   */
  refresh(budget = Infinity): number {
    const present = new Set<string>()
    let pending = 0
    for (const [roomId, doc] of this.roomDocs()) {
      present.add(roomId)
      let room = this.rooms.get(roomId)
      if (room && room.doc !== doc) room = this.drop(roomId, room)
      room ??= this.watch(roomId, doc)
      budget -= this.catchUp(roomId, room, budget)
      pending += room.backlog.length
    }
    for (const [roomId, room] of this.rooms) if (!present.has(roomId)) this.drop(roomId, room)
    return pending
  }

  /**
   * Reads everything not indexed yet a slice at a time, one task each, so that opening the search
   * on a device with a hundred thousand messages never freezes the tab; searches meanwhile see
   * what is read so far, and `change` after each slice lets them be shown again.
   */
  buildLater(): Promise<void> {
    this.building ??= (async () => {
      try {
        while (this.refresh(SLICE) > 0) {
          this.dispatchEvent(new Event('change'))
          await new Promise((resolve) => setTimeout(resolve, 0))
        }
      } finally {
        this.building = undefined
      }
      this.dispatchEvent(new Event('change'))
    })()
    return this.building
  }

  /** Stops following every room; the index is empty afterwards. */
  close(): void {
    for (const [roomId, room] of this.rooms) this.drop(roomId, room)
  }

  private watch(roomId: string, doc: Y.Doc): IndexedRoom {
    const map = messagesOf(doc)
    const room: IndexedRoom = { doc, messages: new Map(), dirty: new Set(), backlog: [...map.keys()], stop: () => map.unobserveDeep(observer) }
    const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const event of events) {
        // A message added or deleted changes a key of the root map; an edit changes the message's own map.
        if (event.target === map) for (const key of event.keys.keys()) room.dirty.add(key)
        else if (typeof event.path[0] === 'string') room.dirty.add(event.path[0])
      }
    }
    map.observeDeep(observer)
    this.rooms.set(roomId, room)
    return room
  }

  /** Applies what changed, then reads up to `budget` of the backlog; returns how many it read. */
  private catchUp(roomId: string, room: IndexedRoom, budget: number): number {
    const map = messagesOf(room.doc)
    // A doc loaded from the device after the room was noted arrives as changes: a backlog, then.
    if (room.dirty.size > Math.max(budget, SLICE)) room.backlog.push(...room.dirty)
    else for (const id of room.dirty) this.reindex(roomId, room, id, map.get(id))
    room.dirty.clear()
    let read = 0
    for (; read < budget && room.backlog.length > 0; read++) {
      const id = room.backlog.pop()!
      this.reindex(roomId, room, id, map.get(id))
    }
    return read
  }

  private reindex(roomId: string, room: IndexedRoom, id: string, entry: unknown): void {
    const message = readMessage(id, entry)
    const known = room.messages.get(id)
    this.version++
    const key = keyOf(roomId, id)
    if (!message) {
      if (known) this.index.discard(key)
      room.messages.delete(id)
      return
    }
    room.messages.set(id, message)
    if (known?.body === message.body) return
    if (known) this.index.replace({ key, body: message.body })
    else this.index.add({ key, body: message.body })
    this.indexed++
  }

  private drop(roomId: string, room: IndexedRoom): undefined {
    room.stop()
    this.version++
    for (const id of room.messages.keys()) this.index.discard(keyOf(roomId, id))
    this.rooms.delete(roomId)
    return undefined
  }
}

const indexes = new WeakMap<Workspace, MessageIndex>()

/** The workspace's index, made on first use: every room the person may see whose doc is open here. */
export function messageIndexOf(workspace: Workspace): MessageIndex {
  let index = indexes.get(workspace)
  if (!index) {
    index = new MessageIndex(function* () {
      for (const roomId of workspace.rooms().keys()) {
        const live = workspace.room(roomId)
        if (live) yield [roomId, live.doc] as const
      }
    })
    indexes.set(workspace, index)
  }
  return index
}
