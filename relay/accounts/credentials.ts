/**
 * What a request carries: the session token (cookie, `Authorization: Bearer`, or `?token=` for tools
 * that cannot set headers on a WebSocket), where it comes from, and whether another site sent it.
 */
import type { IncomingMessage } from 'node:http'
import { parseCookie, stringifySetCookie } from 'cookie'

export const SESSION_COOKIE = 'hearth_session'
/** The cookie outlives a browser restart, like Campfire's: people stay signed in until they sign out. */
const SESSION_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60

export interface Credentials {
  token: string
  /** Browsers attach cookies on their own; only cookie-borne requests need the same-origin check. */
  fromCookie: boolean
}

export function credentialsOf(request: IncomingMessage, { allowQuery }: { allowQuery: boolean }): Credentials | undefined {
  const authorization = request.headers.authorization
  if (authorization?.startsWith('Bearer ')) return { token: authorization.slice('Bearer '.length).trim(), fromCookie: false }
  if (allowQuery) {
    const token = new URL(request.url ?? '/', 'http://relay.invalid').searchParams.get('token')
    if (token) return { token, fromCookie: false }
  }
  const cookie = request.headers.cookie ? parseCookie(request.headers.cookie)[SESSION_COOKIE] : undefined
  return cookie ? { token: cookie, fromCookie: true } : undefined
}

/**
 * True unless a browser says the request was made by another site. Browsers send Origin on every
 * cross-origin request and on WebSocket upgrades; tools send none and carry no ambient cookie.
 */
export function sameOrigin(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  const origin = request.headers.origin
  if (origin === undefined) return true
  try {
    return new URL(origin).host === request.headers.host
  } catch {
    return false
  }
}

/** The address a request came from; behind a reverse proxy (trustProxy), the first X-Forwarded-For hop. */
export function clientAddress(request: IncomingMessage, trustProxy = false): string {
  const forwarded = request.headers['x-forwarded-for']
  const first = trustProxy && typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined
  const address = first || request.socket.remoteAddress || 'unknown'
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
}

/** httpOnly: scripts never see it. SameSite=Lax: other sites' forms and fetches do not carry it. */
export function sessionCookie(token: string, secure: boolean): string {
  return stringifySetCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: SESSION_COOKIE_MAX_AGE_S, secure })
}

export function clearedSessionCookie(secure: boolean): string {
  return stringifySetCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0, secure })
}
