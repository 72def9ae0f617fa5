/** What a route sees and answers. Routes are plain objects collected by `createApi`. */
import type { IncomingMessage } from 'node:http'
import type { Accounts, Origin, SignedIn } from '../accounts/accounts.js'
import { sessionCookie } from '../accounts/credentials.js'
import type { Session } from '../accounts/sessions.js'
import { publicUser, type User } from '../accounts/types.js'
import { ApiError } from './http.js'

export interface Context {
  request: IncomingMessage
  params: Record<string, string | undefined>
  origin: Origin
  /** Served over TLS (directly or, with trustProxy, per X-Forwarded-Proto): cookies get Secure. */
  secure: boolean
  caller: { user: User; session: Session } | undefined
  accounts: Accounts
}

export interface Reply {
  status?: number
  body?: unknown
  headers?: Record<string, string | string[]>
  /** A non-JSON answer (avatars). */
  raw?: { type: string; data: Buffer }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface Route {
  method: Method
  path: string
  run(context: Context): Reply | Promise<Reply>
}

/** The signed-in caller, or 401. */
export function me(context: Context): { user: User; session: Session } {
  if (!context.caller) throw new ApiError('unauthorized', 'Sign in first')
  return context.caller
}

export function param(context: Context, name: string): string {
  const value = context.params[name]
  if (!value) throw new ApiError('invalid', `Missing ${name}`)
  return value
}

/** A new session answers with the person and the httpOnly cookie; the token never appears in a body. */
export function signedInReply(context: Context, signedIn: SignedIn, status = 201): Reply {
  return { status, body: { user: { ...publicUser(signedIn.user), email: signedIn.user.email } }, headers: { 'set-cookie': sessionCookie(signedIn.token, context.secure) } }
}
