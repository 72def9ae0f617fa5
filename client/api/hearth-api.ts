/**
 * The relay's JSON API as the client calls it: accounts (issue 3) and room creation. Everything
 * that talks HTTP lives here, so a change in the API changes this file only. The session itself
 * is an httpOnly cookie the page never sees.
 */
export interface Me {
  id: string
  name: string
  role: 'administrator' | 'member' | 'bot'
}

export interface Credentials {
  email: string
  password: string
}

export interface NewAccount extends Credentials {
  name: string
}

export type RoomKind = 'open' | 'closed'
export type Involvement = 'invisible' | 'nothing' | 'mentions' | 'everything'

/** A person as the API shows them (`GET /api/users`); `avatar` is a URL or null. */
export interface User {
  id: string
  name: string
  role: 'administrator' | 'member' | 'bot'
  status: 'active' | 'deactivated' | 'banned'
  bio: string
  avatar: string | null
}

export interface Profile extends User {
  email: string
}

export interface Room {
  id: string
  kind: RoomKind | 'ping'
  name: string
  creatorId: string
  members: string[]
}

export interface AccountSettings {
  name: string
  roomCreation: 'everyone' | 'administrators'
  joinCode?: string
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const json = body !== undefined && !(body instanceof Blob)
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    // A Blob goes as it is, with its own type (an avatar's raw image).
    headers: body === undefined ? {} : { 'content-type': json ? 'application/json' : (body as Blob).type },
    body: body === undefined ? undefined : json ? JSON.stringify(body) : (body as Blob),
  })
  const text = await response.text()
  let parsed: unknown = undefined
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    parsed = undefined
  }
  if (!response.ok) {
    const message = typeof parsed === 'object' && parsed !== null && 'message' in parsed ? String(parsed.message) : response.statusText
    throw new ApiError(response.status, message || `request failed (${response.status})`)
  }
  return parsed as T
}

export const hearthApi = {
  /** The signed-in person, or undefined when nobody is (401). Throws when the relay is unreachable. */
  async me(): Promise<Me | undefined> {
    try {
      return await call<Me>('GET', '/api/me')
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return undefined
      throw error
    }
  },
  /** Whether nobody has set this Hearth up yet. */
  firstRunNeeded: async () => (await call<{ needed: boolean }>('GET', '/api/first-run')).needed,
  /** The account's name and settings; administrators also get the join code to share. */
  account: () => call<AccountSettings>('GET', '/api/account'),
  firstRun: (account: NewAccount) => call<unknown>('POST', '/api/first-run', account),
  signIn: (credentials: Credentials) => call<unknown>('POST', '/api/session', credentials),
  signOut: () => call<unknown>('DELETE', '/api/session'),
  /** A session transfer link (the password-recovery path) signs this device in. */
  redeemTransfer: (token: string) => call<unknown>('POST', `/api/session/transfer/${encodeURIComponent(token)}`),
  join: (code: string, account: NewAccount) => call<unknown>('POST', `/api/join/${encodeURIComponent(code)}`, account),
  // Rooms and people (administrators, or a room's creator; the relay decides, these only ask).
  room: (id: string) => call<Room>('GET', `/api/rooms/${encodeURIComponent(id)}`),
  updateRoom: (id: string, changes: { name?: string; kind?: RoomKind }) => call<Room>('PATCH', `/api/rooms/${encodeURIComponent(id)}`, changes),
  setRoomMembers: (id: string, members: string[]) => call<Room>('PUT', `/api/rooms/${encodeURIComponent(id)}/members`, { members }),
  deleteRoom: (id: string) => call<unknown>('DELETE', `/api/rooms/${encodeURIComponent(id)}`),
  profile: () => call<Profile>('GET', '/api/me'),
  updateProfile: (changes: { name?: string; bio?: string; password?: string }) => call<Profile>('PATCH', '/api/me', changes),
  uploadAvatar: (image: Blob) => call<User>('PUT', '/api/me/avatar', image),
  users: async () => (await call<{ users: User[] }>('GET', '/api/users')).users,
  setRole: (id: string, role: 'administrator' | 'member') => call<User>('PATCH', `/api/users/${encodeURIComponent(id)}`, { role }),
  deactivate: (id: string) => call<User>('POST', `/api/users/${encodeURIComponent(id)}/deactivation`),
  ban: (id: string) => call<User>('POST', `/api/users/${encodeURIComponent(id)}/ban`),
  transferLink: (id: string) => call<{ path: string; expiresAt: number }>('POST', `/api/users/${encodeURIComponent(id)}/transfer-link`),
  updateAccount: (changes: { name?: string; roomCreation?: 'everyone' | 'administrators' }) => call<AccountSettings>('PATCH', '/api/account', changes),
  newJoinCode: () => call<{ joinCode: string }>('POST', '/api/account/join-code'),
  createRoom: (room: { name: string; kind: RoomKind; members: string[] }) => call<{ id: string }>('POST', '/api/rooms', room),
  startPing: (members: string[]) => call<{ id: string }>('POST', '/api/pings', { members }),
  /** My involvement in a room is the relay's (it writes it into my user doc), so changing it needs the network. */
  setInvolvement: (roomId: string, involvement: Involvement) =>
    call<{ id: string; involvement: Involvement }>('PUT', `/api/rooms/${encodeURIComponent(roomId)}/involvement`, { involvement }),
}

export type HearthApi = typeof hearthApi
