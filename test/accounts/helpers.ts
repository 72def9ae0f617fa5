/**
 * Fixtures for accounts tests: a real relay with the accounts door, an HTTP client that can speak
 * from any loopback address (127.0.0.0/8 all reach the relay, so bans and throttles can tell
 * people apart), and WebSocket clients that show exactly what reached them.
 */
import { request } from 'node:http'
import { WebSocket } from 'ws'
import type { HearthRelay } from '../../relay/hearth.js'
import { startTestRelay, type TestRelay } from '../helpers/relay.js'

export type Hearth = TestRelay & { relay: HearthRelay }

export async function startHearthWithAccounts(options: Parameters<typeof startTestRelay>[0] = {}): Promise<Hearth> {
  return (await startTestRelay({ ...options, withAccounts: true })) as Hearth
}

export interface Answer {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  headers: Record<string, string | string[] | undefined>
  /** The session token from Set-Cookie, when one was set. */
  token?: string
}

export interface CallOptions {
  body?: unknown
  token?: string
  /** Send the token as the session cookie (as a browser does) instead of a Bearer header. */
  asCookie?: boolean
  from?: string
  headers?: Record<string, string>
  raw?: { type: string; data: Buffer }
}

export function call(port: number, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers }
  let payload: Buffer | undefined
  if (options.raw) {
    headers['content-type'] = options.raw.type
    payload = options.raw.data
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = Buffer.from(JSON.stringify(options.body))
  }
  if (options.token) {
    if (options.asCookie) headers.cookie = `hearth_session=${options.token}`
    else headers.authorization = `Bearer ${options.token}`
  }
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, localAddress: options.from ?? '127.0.0.1' }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const type = String(res.headers['content-type'] ?? '')
        const cookie = [res.headers['set-cookie'] ?? []].flat().find((line) => line.startsWith('hearth_session='))
        const token = cookie?.split(';')[0]!.slice('hearth_session='.length) || undefined
        resolve({ status: res.statusCode!, body: type.includes('json') && text ? JSON.parse(text) : text, headers: res.headers, token })
      })
    })
    req.on('error', reject)
    req.end(payload)
  })
}

export interface Person {
  id: string
  name: string
  email: string
  password: string
  token: string
  from: string
  role: string
}

/** Calls the API as `person` (their session token, their address). */
export const as = (hearth: Hearth, person: Person) => ({
  get: (path: string, options: CallOptions = {}) => call(hearth.relay.port, 'GET', path, { token: person.token, from: person.from, ...options }),
  post: (path: string, body?: unknown, options: CallOptions = {}) =>
    call(hearth.relay.port, 'POST', path, { token: person.token, from: person.from, body, ...options }),
  patch: (path: string, body?: unknown) => call(hearth.relay.port, 'PATCH', path, { token: person.token, from: person.from, body }),
  put: (path: string, body?: unknown) => call(hearth.relay.port, 'PUT', path, { token: person.token, from: person.from, body }),
  delete: (path: string) => call(hearth.relay.port, 'DELETE', path, { token: person.token, from: person.from }),
})

let lastAddress = 0
/** A fresh loopback address: each person gets their own, as on a real network (throttles and bans count per address). */
export const nextAddress = (): string => {
  lastAddress++
  return `127.0.${1 + Math.floor(lastAddress / 250)}.${1 + (lastAddress % 250)}`
}

const emailOf = (name: string) => `${name.toLowerCase()}@example.com`

/** David sets up the account; he is its first administrator. */
export async function setUp(hearth: Hearth, name = 'David', from = '127.0.0.1'): Promise<Person> {
  const password = `${name}-secret-password`
  const answer = await call(hearth.relay.port, 'POST', '/api/first-run', { body: { name, email: emailOf(name), password }, from })
  if (answer.status !== 201) throw new Error(`first run answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return { id: answer.body.user.id, name, email: emailOf(name), password, token: answer.token!, from, role: 'administrator' }
}

/**
 * A Hearth David has set up, with `names` joined by his code (each from an address of their own):
 * `({ hearth, david, kevin } = await startHearthWith(['Kevin']))`.
 */
export async function startHearthWith<Name extends string = never>(
  names: Name[] = [],
  options: Parameters<typeof startHearthWithAccounts>[0] = {},
): Promise<{ hearth: Hearth; david: Person } & Record<Lowercase<Name>, Person>> {
  const hearth = await startHearthWithAccounts(options)
  const david = await setUp(hearth)
  const people: Record<string, Person> = {}
  for (const name of names) people[name.toLowerCase()] = await join(hearth, david, name)
  return { hearth, david, ...(people as Record<Lowercase<Name>, Person>) }
}

/** Someone joins with the current join code, which `admin` looks up. */
export async function join(hearth: Hearth, admin: Person, name: string, from = nextAddress()): Promise<Person> {
  const { body } = await as(hearth, admin).get('/api/account')
  const password = `${name}-secret-password`
  const answer = await call(hearth.relay.port, 'POST', `/api/join/${body.joinCode}`, { body: { name, email: emailOf(name), password }, from })
  if (answer.status !== 201) throw new Error(`join answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return { id: answer.body.user.id, name, email: emailOf(name), password, token: answer.token!, from, role: 'member' }
}

export interface SocketWatch {
  ws: WebSocket
  frames: Uint8Array[]
  /** The upgrade's answer: 101 when a socket opened, else the refusal's status. */
  opened: Promise<number>
  closed: Promise<{ code: number; reason: string }>
}

/** A raw WebSocket to `/sync/<doc>`, recording every byte that reaches it. */
export function watchDoc(hearth: Hearth, docName: string, who: { token?: string; asCookie?: boolean; from?: string; origin?: string } = {}): SocketWatch {
  const headers: Record<string, string> = {}
  let query = ''
  if (who.token && who.asCookie) headers.cookie = `hearth_session=${who.token}`
  else if (who.token) query = `?token=${encodeURIComponent(who.token)}`
  if (who.origin) headers.origin = who.origin
  const ws = new WebSocket(`ws://127.0.0.1:${hearth.relay.port}/sync/${encodeURIComponent(docName)}${query}`, {
    headers,
    localAddress: who.from ?? '127.0.0.1',
  })
  const frames: Uint8Array[] = []
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
  const opened = new Promise<number>((resolve) => {
    ws.once('open', () => resolve(101))
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
    })
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  ws.on('error', () => {})
  return { ws, frames, opened, closed }
}

/** Resolves with how long `promise` took, or rejects after `ms`. */
export async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)))
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
