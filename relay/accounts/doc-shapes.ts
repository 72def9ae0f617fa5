/**
 * What the server-written docs should say, read from SQLite. The shapes are the contract with the
 * client (DESIGN section 2): `account` holds the account, its people and its open rooms; each
 * `user:<id>` holds the rooms that person belongs to.
 */
import type { Account } from './account.js'
import { ACCOUNT_DOC, userIdOf } from '../doc-names.js'
import type { People } from './people.js'
import type { Rooms } from './rooms.js'
import type { DesiredDoc } from './server-docs.js'
import { publicUser } from './types.js'

export interface Stores {
  account: Account
  people: People
  rooms: Rooms
}

export function desiredDoc(stores: Stores, docName: string): DesiredDoc | undefined {
  if (docName === ACCOUNT_DOC) return accountDoc(stores)
  const userId = userIdOf(docName)
  return userId === undefined ? undefined : userDoc(stores, userId)
}

function accountDoc({ account, people, rooms }: Stores): DesiredDoc | undefined {
  const settings = account.settings()
  if (!settings) return undefined
  const users: Record<string, Record<string, unknown>> = {}
  // Deactivated and banned people stay listed: their old messages still need a name.
  for (const user of people.all()) users[user.id] = publicUser(user)
  const openRooms: Record<string, Record<string, unknown>> = {}
  for (const room of rooms.open()) openRooms[room.id] = { id: room.id, name: room.name, kind: room.kind, creatorId: room.creatorId }
  return {
    fields: { account: { name: settings.name, roomCreation: settings.roomCreation } },
    maps: { users, rooms: openRooms },
  }
}

function userDoc({ people, rooms }: Stores, userId: string): DesiredDoc | undefined {
  const user = people.find(userId)
  if (!user) return undefined
  const entries: Record<string, Record<string, unknown>> = {}
  // A deactivated person's doc empties: if they ever come back, they see only what they may.
  if (user.status === 'active') {
    for (const room of rooms.of(userId)) {
      // FIXME: open rooms list every active person, so each join rewrites every user doc; past a few
      // hundred people, `members: 'everyone'` for open rooms (with the list in `account`) is cheaper.
      entries[room.id] = { id: room.id, kind: room.kind, name: room.name, creatorId: room.creatorId, members: rooms.memberIds(room.id), involvement: room.involvement }
    }
  }
  return { maps: { rooms: entries } }
}
