/**
 * Rooms as people use them. Open rooms hold everyone, now and later; closed rooms hold chosen
 * members; pings hold any set of people and are found again by that set. Admins or a room's creator
 * rename it, switch it open<->closed and choose a closed room's members; any member of a ping may
 * delete it. The account may restrict creating rooms to administrators.
 */
import type Database from 'better-sqlite3'
import type { Account } from './account.js'
import { refuse } from './errors.js'
import { newId, pingId } from './ids.js'
import type { LiveEffects } from './live-effects.js'
import type { People } from './people.js'
import type { Rooms } from './rooms.js'
import type { Involvement, Room, User } from './types.js'

export type RoomView = Room & { members: string[]; involvement?: Involvement }

export class RoomDirectory {
  private readonly transaction: <T>(work: () => T) => T

  constructor(
    db: Database.Database,
    private readonly account: Account,
    private readonly people: People,
    private readonly rooms: Rooms,
    private readonly live: LiveEffects,
  ) {
    this.transaction = <T>(work: () => T): T => db.transaction(work).immediate()
  }

  create(actor: User | 'operator', { name, kind, members = [] }: { name: string; kind: 'open' | 'closed'; members?: string[] }): RoomView {
    const creator = actor === 'operator' ? (this.people.firstAdministrator() ?? refuse('conflict', 'Set up the account first')) : actor
    if (actor !== 'operator' && this.account.settings()?.roomCreation === 'administrators' && actor.role !== 'administrator') {
      refuse('forbidden', 'Only administrators create rooms in this account')
    }
    const room = this.transaction(() => {
      const room = this.rooms.create({ id: newId(), kind, name, creatorId: creator.id })
      const memberIds = kind === 'open' ? this.people.activeIds() : [...new Set([creator.id, ...this.activePeople(members)])]
      this.rooms.grant(room.id, memberIds, kind)
      return room
    })
    this.changed(room.id, [])
    return this.view(room.id, creator.id)
  }

  /** The ping for exactly this set of people (the actor included), created on first use. */
  findOrCreatePing(actor: User, members: string[]): { room: RoomView; created: boolean } {
    const memberIds = [...new Set([actor.id, ...this.activePeople(members)])].sort()
    if (memberIds.length < 2) refuse('invalid', 'A ping needs someone else in it')
    const id = pingId(memberIds)
    const created = this.transaction(() => {
      if (this.rooms.find(id)) return false
      const names = memberIds.map((memberId) => this.people.find(memberId)!.name)
      this.rooms.create({ id, kind: 'ping', name: names.join(', '), creatorId: actor.id })
      this.rooms.grant(id, memberIds, 'ping')
      return true
    })
    if (created) this.changed(id, [])
    return { room: this.view(id, actor.id), created }
  }

  update(actor: User, roomId: string, changes: { name?: string; kind?: 'open' | 'closed' }): RoomView {
    const room = this.editable(actor, roomId)
    if (room.kind === 'ping') refuse('invalid', 'Pings are named after their people and cannot change kind')
    this.transaction(() => {
      if (changes.name !== undefined) this.rooms.rename(room.id, changes.name)
      if (changes.kind !== undefined && changes.kind !== room.kind) {
        this.rooms.setKind(room.id, changes.kind)
        // Opening a room brings everyone in; closing it keeps who is there until an admin chooses.
        if (changes.kind === 'open') this.rooms.grant(room.id, this.people.activeIds(), 'open')
      }
    })
    this.changed(room.id, [])
    return this.view(room.id, actor.id)
  }

  /** A closed room's members become exactly `members`; whoever is left out loses the doc at once. */
  setMembers(actor: User, roomId: string, members: string[]): RoomView {
    const room = this.editable(actor, roomId)
    if (room.kind !== 'closed') refuse('invalid', 'Only closed rooms have chosen members')
    const wanted = new Set(this.activePeople(members))
    const before = this.rooms.allMemberIds(room.id)
    const removed = before.filter((userId) => !wanted.has(userId))
    this.transaction(() => {
      this.rooms.revoke(room.id, removed)
      this.rooms.grant(room.id, [...wanted], 'closed')
    })
    this.live.revoke(removed, room.id)
    this.changed(room.id, removed)
    return this.view(room.id, actor.id)
  }

  delete(actor: User, roomId: string): void {
    const room = this.rooms.find(roomId) ?? refuse('not_found', 'No such room')
    if (room.kind === 'ping') {
      if (!this.rooms.isMember(room.id, actor.id)) refuse('not_found', 'No such room')
    } else {
      this.editable(actor, roomId)
    }
    const members = this.rooms.allMemberIds(room.id)
    // FIXME: a ping started again later gets the same id, and a device that kept its local copy of
    // the deleted one will offer those old updates on its next sync; the write authorizer refuses the
    // ones that are not its own, but a generation number in the ping's doc name would be cleaner.
    this.rooms.delete(room.id)
    this.live.eraseRoom(room.id)
    this.live.refreshUsers(members)
    if (room.kind === 'open') this.live.refreshAccount()
  }

  setInvolvement(actor: User, roomId: string, involvement: Involvement): RoomView {
    if (!this.rooms.isMember(roomId, actor.id)) refuse('not_found', 'No such room')
    this.rooms.setInvolvement(roomId, actor.id, involvement)
    this.live.refreshUsers([actor.id])
    return this.view(roomId, actor.id)
  }

  of(actor: User): RoomView[] {
    return this.rooms.of(actor.id).map((room) => ({ ...room, members: this.rooms.memberIds(room.id) }))
  }

  /** A room as its member sees it; non-members learn nothing, not even that it exists. */
  visibleTo(actor: User, roomId: string): RoomView {
    if (!this.rooms.isMember(roomId, actor.id)) refuse('not_found', 'No such room')
    return this.view(roomId, actor.id)
  }

  /** Every member's `user:<id>` doc lists the room's members, so they all change with it. */
  refreshMembersOf(roomIds: readonly string[]): void {
    const users = new Set<string>()
    for (const roomId of roomIds) for (const userId of this.rooms.memberIds(roomId)) users.add(userId)
    this.live.refreshUsers(users)
  }

  private changed(roomId: string, formerMembers: readonly string[]): void {
    this.refreshMembersOf([roomId])
    this.live.refreshUsers(formerMembers)
    this.live.refreshAccount()
  }

  private editable(actor: User, roomId: string): Room {
    const room = this.rooms.find(roomId)
    if (!room || (room.kind !== 'open' && !this.rooms.isMember(room.id, actor.id) && actor.role !== 'administrator')) {
      return refuse('not_found', 'No such room')
    }
    if (actor.role !== 'administrator' && actor.id !== room.creatorId) refuse('forbidden', "Only administrators or the room's creator may change it")
    return room
  }

  private activePeople(ids: readonly string[]): string[] {
    for (const id of ids) if (this.people.find(id)?.status !== 'active') refuse('invalid', `No active person with id ${id}`)
    return [...ids]
  }

  private view(roomId: string, userId: string): RoomView {
    const room = this.rooms.find(roomId) ?? refuse('not_found', 'No such room')
    const involvement = this.rooms.involvementOf(roomId, userId)
    return { ...room, members: this.rooms.memberIds(room.id), ...(involvement ? { involvement } : {}) }
  }
}
