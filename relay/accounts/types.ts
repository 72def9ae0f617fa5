/** The nouns of an account, as the rest of the relay sees them. */
import type { Role } from '../door.js'

export type { Role }
export type UserStatus = 'active' | 'deactivated' | 'banned'
export type RoomKind = 'open' | 'closed' | 'ping'
export type Involvement = 'invisible' | 'nothing' | 'mentions' | 'everything'
export type RoomCreation = 'everyone' | 'administrators'

export const ROLES: readonly Role[] = ['administrator', 'member', 'bot']
export const INVOLVEMENTS: readonly Involvement[] = ['invisible', 'nothing', 'mentions', 'everything']

export interface User {
  id: string
  name: string
  email: string
  role: Role
  status: UserStatus
  bio: string
  avatarVersion: number
  createdAt: number
}

export interface Room {
  id: string
  kind: RoomKind
  name: string
  creatorId: string
  createdAt: number
}

export interface AccountSettings {
  name: string
  joinCode: string
  roomCreation: RoomCreation
}

/** Pings notify on every message; other rooms only on mentions, as in Campfire. */
export const defaultInvolvement = (kind: RoomKind): Involvement => (kind === 'ping' ? 'everything' : 'mentions')

/** Where an avatar is served; the version changes the URL so caches see a new picture. */
const avatarUrl = (user: Pick<User, 'id' | 'avatarVersion'>): string | null =>
  user.avatarVersion > 0 ? `/api/users/${user.id}/avatar?v=${user.avatarVersion}` : null

/** The person as everyone in the account may see them: in the API and in the `account` doc. */
export const publicUser = (user: User) => ({
  id: user.id,
  name: user.name,
  role: user.role,
  status: user.status,
  bio: user.bio,
  avatar: avatarUrl(user),
})
