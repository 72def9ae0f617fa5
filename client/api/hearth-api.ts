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

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
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
  /** The account's name; administrators also get the join code to share. */
  account: () => call<{ name: string; joinCode?: string }>('GET', '/api/account'),
  firstRun: (account: NewAccount) => call<unknown>('POST', '/api/first-run', account),
  signIn: (credentials: Credentials) => call<unknown>('POST', '/api/session', credentials),
  signOut: () => call<unknown>('DELETE', '/api/session'),
  /** A session transfer link (the password-recovery path) signs this device in. */
  redeemTransfer: (token: string) => call<unknown>('POST', `/api/session/transfer/${encodeURIComponent(token)}`),
  join: (code: string, account: NewAccount) => call<unknown>('POST', `/api/join/${encodeURIComponent(code)}`, account),
  createRoom: (room: { name: string; kind: RoomKind; members: string[] }) => call<{ id: string }>('POST', '/api/rooms', room),
  startPing: (members: string[]) => call<{ id: string }>('POST', '/api/pings', { members }),
}

export type HearthApi = typeof hearthApi
