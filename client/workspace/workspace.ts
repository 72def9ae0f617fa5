/**
 * Everything one signed-in person has on this device: the account doc, their user doc and every
 * room doc, all opened through the tab's one live socket. Elements read it through context and
 * re-render on `change`; it holds no DOM.
 */
import type { Me } from '../api/hearth-api.js'
import type { LiveConnection } from '../live/live-connection.js'
import type { LiveDoc } from '../live/live-doc.js'
import { itemIdsOf, readMessages, type Message } from '../room/message.js'
import { boost, readBoosts, unboost, type BoostEntry } from '../room/boosts.js'
import { deleteMessage, editMessage, postMessage } from '../room/message-writer.js'
import { readPeople, readRooms, sidebarOrder, type Person, type RoomEntry } from './directory.js'
import { announce, peopleHere, peopleTyping, TYPING_MS } from './presence.js'

export const roomDocName = (roomId: string) => `room:${roomId}`

export { TYPING_MS }

export class Workspace extends EventTarget {
  account!: LiveDoc
  user!: LiveDoc
  /** What was read from docs, by what and from which docs at which versions (see `memo`). */
  private readonly memos = new Map<string, { stamp: unknown[]; value: unknown }>()

  private constructor(readonly me: Me, readonly live: LiveConnection) {
    super()
  }

  static async open(me: Me, live: LiveConnection): Promise<Workspace> {
    const workspace = new Workspace(me, live)
    live.addEventListener('change', workspace.changed)
    ;[workspace.account, workspace.user] = await Promise.all([live.open('account'), live.open(`user:${me.id}`)])
    for (const live of [workspace.account, workspace.user]) live.addEventListener('change', workspace.directoryChanged)
    await workspace.openRooms()
    return workspace
  }

  /** Re-read only when the account or user doc changed: every row and sidebar entry asks. */
  rooms(): Map<string, RoomEntry> {
    return this.memo('rooms', [this.account, this.user], () => readRooms(this.account.doc, this.user.doc))
  }

  people(): Map<string, Person> {
    return this.memo('people', [this.account], () => readPeople(this.account.doc))
  }

  /** The rooms in sidebar order (names come from the same two docs): sorted once per change of them, not per render. */
  sidebar(): ReturnType<typeof sidebarOrder> {
    return this.memo('sidebar', [this.account, this.user], () => sidebarOrder(this.rooms().values(), (room) => this.roomName(room)))
  }

  /**
   * Renders ask for the same readings many times per change: each is read again only when one of
   * the docs it comes from has changed (its content version) or been replaced (a reset).
   */
  private memo<T>(key: string, from: LiveDoc[], read: () => T): T {
    const stamp = from.flatMap((live) => [live.doc, live.contentVersion])
    const cached = this.memos.get(key)
    if (cached && cached.stamp.every((part, i) => part === stamp[i])) return cached.value as T
    const value = read()
    this.memos.set(key, { stamp, value })
    return value
  }

  /** Who can be mentioned in a room: its members (everyone, in an open room), me excepted. */
  roomPeople(roomId: string): Person[] {
    const room = this.rooms().get(roomId)
    if (!room) return []
    const people = this.people()
    const ids = room.kind === 'open' ? [...people.keys()] : room.members
    return ids.filter((id) => id !== this.me.id).flatMap((id) => people.get(id) ?? [])
  }

  nameOf(userId: string): string {
    return this.people().get(userId)?.name ?? (userId === this.me.id ? this.me.name : 'Someone')
  }

  /** A ping is named after the people in it other than me. */
  roomName(room: RoomEntry): string {
    if (room.kind !== 'ping') return room.name || 'Untitled room'
    const others = room.members.filter((id) => id !== this.me.id)
    return others.map((id) => this.nameOf(id)).join(', ') || this.me.name
  }

  room(roomId: string): LiveDoc | undefined {
    return this.live.docs.get(roomDocName(roomId))
  }

  /** The room's messages in order; re-read only when the room doc changed. */
  messages(roomId: string): Message[] {
    const live = this.room(roomId)
    return live ? this.memo(`messages:${roomId}`, [live], () => readMessages(live.doc)) : []
  }

  delivered(roomId: string, messageId: string): boolean {
    const live = this.room(roomId)
    if (!live) return false
    return itemIdsOf(live.doc, messageId).every((id) => live.relayState.covers(id))
  }

  post(roomId: string, body: string, mentions: string[] = []): string | undefined {
    const live = this.room(roomId)
    if (!live) return undefined
    return postMessage(live.doc, this.me.id, body, mentions)
  }

  /** Only the author edits (shared/room throws a RoomError for anyone else). */
  edit(roomId: string, messageId: string, body: string, mentions?: string[]): void {
    const live = this.room(roomId)
    if (live) editMessage(live.doc, this.me.id, messageId, body, mentions)
  }

  mayEdit(message: Message): boolean {
    return message.author === this.me.id
  }

  /** The author deletes their own; an administrator anyone's. */
  mayDelete(message: Message): boolean {
    return message.author === this.me.id || this.me.role === 'administrator'
  }

  remove(roomId: string, messageId: string): void {
    const live = this.room(roomId)
    if (live) deleteMessage(live.doc, { userId: this.me.id, role: this.me.role }, messageId)
  }

  /** My newest message in the room, for Up in an empty composer. */
  lastOwnMessage(roomId: string): Message | undefined {
    return this.messages(roomId).findLast((message) => message.author === this.me.id)
  }

  /** A message's boosts, oldest first; the room's boosts are grouped once per change of its doc. */
  boosts(roomId: string, messageId: string): BoostEntry[] {
    const live = this.room(roomId)
    if (!live) return []
    return this.memo(`boosts:${roomId}`, [live], () => readBoosts(live.doc)).get(messageId) ?? []
  }

  boost(roomId: string, messageId: string, content: string): void {
    const live = this.room(roomId)
    if (live) boost(live.doc, this.me.id, messageId, content)
  }

  /** Only my own boosts come off (shared/room refuses anyone else's). */
  unboost(roomId: string, boostId: string): void {
    const live = this.room(roomId)
    if (live) unboost(live.doc, this.me.id, boostId)
  }

  unread(roomId: string): boolean {
    const latest = this.messages(roomId).findLast((message) => message.author !== this.me.id)
    const read = this.user.doc.getMap('reads').get(roomId)
    return latest !== undefined && latest.createdAt > (typeof read === 'number' ? read : 0)
  }

  /** Only others' messages can be unread, so only they move the mark (my own offline posts write nothing here). */
  markRead(roomId: string): void {
    const latest = this.messages(roomId).findLast((message) => message.author !== this.me.id)
    const reads = this.user.doc.getMap<number>('reads')
    if (latest && latest.createdAt > (reads.get(roomId) ?? 0)) reads.set(roomId, latest.createdAt)
  }

  draft(roomId: string): string {
    const draft = this.user.doc.getMap('drafts').get(roomId)
    return typeof draft === 'string' ? draft : ''
  }

  saveDraft(roomId: string, text: string): void {
    const drafts = this.user.doc.getMap<string>('drafts')
    if ((drafts.get(roomId) ?? '') === text) return
    if (text === '') drafts.delete(roomId)
    else drafts.set(roomId, text)
  }

  /** The room this tab shows (while the page is visible): others see me there. */
  private viewing: string | undefined

  /**
   * This tab shows the room, or none: my presence moves with it. Cheap when nothing changes, so the
   * room view calls it on every render, and a doc opened (or reset) after the room appeared gets it too.
   */
  view(roomId: string | undefined): void {
    if (this.viewing !== undefined && this.viewing !== roomId) {
      const left = this.room(this.viewing)?.awareness
      if (left) announce(left, null)
    }
    this.viewing = roomId
    const awareness = roomId === undefined ? undefined : this.room(roomId)?.awareness
    if (awareness && awareness.getLocalState() === null) announce(awareness, { user: this.me.id })
  }

  /** The ids of the other people with the room open right now (each once, whatever their tabs). */
  here(roomId: string): string[] {
    const live = this.room(roomId)
    return live ? peopleHere(live.awareness, this.me.id) : []
  }

  /** Who else is typing in a room right now (their last keystroke within TYPING_MS). */
  typing(roomId: string, now = Date.now()): string[] {
    const live = this.room(roomId)
    return live ? peopleTyping(live.awareness, this.me.id, now).map((id) => this.nameOf(id)) : []
  }

  /** Typing marks my presence with the time; stopping (or sending) leaves just my presence, if the room is on screen. */
  setTyping(roomId: string, typing: boolean): void {
    const awareness = this.room(roomId)?.awareness
    if (!awareness) return
    if (typing) announce(awareness, { user: this.me.id, typing: Date.now() })
    else announce(awareness, roomId === this.viewing ? { user: this.me.id } : null)
  }

  /** Changes waiting for the relay: undelivered (or edited) messages in rooms, one for a room with only boosts waiting, and each other doc with unsent edits. */
  pendingChanges(): number {
    return this.live.pendingChanges((live) => {
      if (live.relayState.coversDoc(live.doc)) return 0
      if (!live.name.startsWith('room:')) return 1
      const roomId = live.name.slice('room:'.length)
      // Every message delivered but the doc still ahead of the relay: a boost (or an unboost's neighbour) waits.
      return this.messages(roomId).filter((message) => !this.delivered(roomId, message.id)).length || 1
    })
  }

  close(): void {
    this.view(undefined)
    this.live.removeEventListener('change', this.changed)
  }

  private async openRooms(): Promise<void> {
    const wanted = new Set([...this.rooms().keys()].map(roomDocName))
    const opening: Promise<LiveDoc>[] = []
    for (const name of wanted) {
      if (this.live.docs.has(name)) continue
      opening.push(
        this.live.open(name).then((room) => {
          room.addEventListener('change', this.changed)
          return room
        }),
      )
    }
    for (const name of this.live.docs.keys()) if (name.startsWith('room:') && !wanted.has(name)) this.live.leave(name)
    if (opening.length) {
      await Promise.all(opening)
      this.changed()
    }
  }

  private readonly directoryChanged = () => {
    void this.openRooms()
    this.changed()
  }

  private readonly changed = () => {
    this.dispatchEvent(new Event('change'))
  }
}
