/**
 * Reading the server-written docs (DESIGN section 2): `account` lists users and open rooms,
 * `user:<id>` lists every room the user belongs to. Values may be plain objects or Y.Maps; both
 * are read the same way, and anything malformed is skipped.
 */
import * as Y from 'yjs'
import type { Involvement } from '../api/hearth-api.js'

export type { Involvement }

export type RoomKind = 'open' | 'closed' | 'ping'

/** How much a room asks of its member (Campfire's four): what the sidebar shows and what notifies. */
export const INVOLVEMENTS: readonly Involvement[] = ['invisible', 'nothing', 'mentions', 'everything']
const isInvolvement = (value: unknown): value is Involvement => INVOLVEMENTS.includes(value as Involvement)

export interface RoomEntry {
  id: string
  kind: RoomKind
  name: string
  members: string[]
  involvement: Involvement
  /** Who made the room (with administrators, who may change its settings); older docs may lack it. */
  creatorId?: string
}

export interface Person {
  id: string
  name: string
  role: string
  status: string
  bio: string
  avatar?: string
}

function plain(value: unknown): Record<string, unknown> | undefined {
  const json = value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined
}

function readRoomEntry(key: string, value: unknown, fallbackKind: RoomKind): RoomEntry | undefined {
  const room = plain(value)
  if (!room) return undefined
  const kind = room.kind === 'open' || room.kind === 'closed' || room.kind === 'ping' ? room.kind : fallbackKind
  const members = Array.isArray(room.members) ? room.members.filter((m): m is string => typeof m === 'string') : []
  return {
    id: typeof room.id === 'string' ? room.id : key,
    kind,
    name: typeof room.name === 'string' ? room.name : '',
    members,
    involvement: isInvolvement(room.involvement) ? room.involvement : kind === 'ping' ? 'everything' : 'mentions',
    ...(typeof room.creatorId === 'string' ? { creatorId: room.creatorId } : {}),
  }
}

/**
 * Every room the user belongs to (their user doc), plus the open rooms everyone may enter. Invisible
 * rooms are here too (they leave the sidebar, not the app: a person must be able to get back).
 */
export function readRooms(account: Y.Doc, user: Y.Doc): Map<string, RoomEntry> {
  const rooms = new Map<string, RoomEntry>()
  for (const [key, value] of account.getMap('rooms')) {
    const room = readRoomEntry(key, value, 'open')
    if (room) rooms.set(room.id, room)
  }
  for (const [key, value] of user.getMap('rooms')) {
    const room = readRoomEntry(key, value, 'closed')
    if (room) rooms.set(room.id, room)
  }
  return rooms
}

export function readPeople(account: Y.Doc): Map<string, Person> {
  const people = new Map<string, Person>()
  for (const [key, value] of account.getMap('users')) {
    const user = plain(value)
    if (!user) continue
    const id = typeof user.id === 'string' ? user.id : key
    people.set(id, {
      id,
      name: typeof user.name === 'string' ? user.name : 'Someone',
      role: typeof user.role === 'string' ? user.role : 'member',
      status: typeof user.status === 'string' ? user.status : 'active',
      bio: typeof user.bio === 'string' ? user.bio : '',
      ...(typeof user.avatar === 'string' ? { avatar: user.avatar } : {}),
    })
  }
  return people
}

/**
 * Rooms as the sidebar lists them: pings first (by who is in them), then shared rooms alphabetically;
 * invisible rooms apart (`hidden`, alphabetically), out of the list and of Alt+↑/↓.
 */
export function sidebarOrder(
  rooms: Iterable<RoomEntry>,
  nameOf: (room: RoomEntry) => string,
): { pings: RoomEntry[]; shared: RoomEntry[]; hidden: RoomEntry[] } {
  const everyRoom = [...rooms]
  const all = everyRoom.filter((r) => r.involvement !== 'invisible')
  const byName = (a: RoomEntry, b: RoomEntry) => nameOf(a).localeCompare(nameOf(b), undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id)
  return {
    pings: all.filter((r) => r.kind === 'ping').sort(byName),
    shared: all.filter((r) => r.kind !== 'ping').sort(byName),
    hidden: everyRoom.filter((r) => r.involvement === 'invisible').sort(byName),
  }
}
