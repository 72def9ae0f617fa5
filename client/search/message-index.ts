/**
 * Search on the device: one MiniSearch index over the messages of every room this device holds,
 * so it works offline and never asks the relay. It is built the first time someone searches, and
 * then kept up to date from the room docs themselves: each room's `messages` map is observed and
 * the ids it touches are noted as dirty (a cheap Set insert per change), and only those are
 * re-read, re-indexed or dropped before the next search. Nothing is re-indexed on a keystroke,
 * and a message arriving costs one document, not a room.
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
}

/** Where the room docs come from: the ones this device has, by room id. */
export type RoomDocs = () => Iterable<readonly [roomId: string, doc: Y.Doc]>

interface IndexedRoom {
  doc: Y.Doc
  messages: Map<string, Message>
  dirty: Set<string> | 'all'
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

export class MessageIndex {
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

  constructor(private readonly roomDocs: RoomDocs) {}

  /** Messages holding every word of the query (the last one as a prefix, as it is being typed), newest first. */
  search(query: string, limit = MAX_HITS): SearchResults {
    this.refresh()
    // The search box renders on every change to the workspace (typing, presence): the same search
    // over an unchanged index is answered from the last time.
    const last = this.last
    if (last?.query === query && last.limit === limit && last.version === this.version) return last.results
    const results = this.find(query, limit)
    this.last = { query, limit, version: this.version, results }
    return results
  }

  private find(query: string, limit: number): SearchResults {
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

  /** Brings the index up to date: new rooms read whole, known rooms only where they changed. */
  refresh(): void {
    const present = new Set<string>()
    for (const [roomId, doc] of this.roomDocs()) {
      present.add(roomId)
      let room = this.rooms.get(roomId)
      if (room && room.doc !== doc) room = this.drop(roomId, room)
      room ??= this.watch(roomId, doc)
      this.catchUp(roomId, room)
    }
    for (const [roomId, room] of this.rooms) if (!present.has(roomId)) this.drop(roomId, room)
  }

  /** Stops following every room; the index is empty afterwards. */
  close(): void {
    for (const [roomId, room] of this.rooms) this.drop(roomId, room)
  }

  private watch(roomId: string, doc: Y.Doc): IndexedRoom {
    const map = messagesOf(doc)
    const room: IndexedRoom = { doc, messages: new Map(), dirty: 'all', stop: () => map.unobserveDeep(observer) }
    const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      const dirty = room.dirty
      if (dirty === 'all') return
      for (const event of events) {
        // A message added or deleted changes a key of the root map; an edit changes the message's own map.
        if (event.target === map) for (const key of event.keys.keys()) dirty.add(key)
        else if (typeof event.path[0] === 'string') dirty.add(event.path[0])
      }
    }
    map.observeDeep(observer)
    this.rooms.set(roomId, room)
    return room
  }

  private catchUp(roomId: string, room: IndexedRoom): void {
    const map = messagesOf(room.doc)
    if (room.dirty === 'all') for (const [id, entry] of map) this.reindex(roomId, room, id, entry)
    else for (const id of room.dirty) this.reindex(roomId, room, id, map.get(id))
    room.dirty = new Set()
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
