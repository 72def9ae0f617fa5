/**
 * The JSON API under /api/, as one HttpHandler for the relay. Before any route runs:
 * - a state-changing request (anything but GET/HEAD) from another site is refused, so a page
 *   elsewhere cannot act with a visitor's cookie;
 * - a state-changing request from a banned address is refused;
 * - the caller is identified by the session cookie or `Authorization: Bearer <token>`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import FindMyWay from 'find-my-way'
import type { Accounts } from '../accounts/accounts.js'
import { AccountError } from '../accounts/errors.js'
import { clientAddress, credentialsOf, sameOrigin } from '../accounts/credentials.js'
import { consoleLog, type Log } from '../log.js'
import type { HttpHandler } from '../relay.js'
import { ApiError, sendError, sendJson } from './http.js'
import type { Context, Route } from './route.js'
import { accountRoutes } from './routes/account.js'
import { peopleRoutes } from './routes/people.js'
import { roomRoutes } from './routes/rooms.js'
import { sessionRoutes } from './routes/sessions.js'

export const API_PREFIX = '/api/'
export const ROUTES: readonly Route[] = [...sessionRoutes, ...peopleRoutes, ...accountRoutes, ...roomRoutes]

export interface ApiOptions {
  trustProxy?: boolean
  log?: Log
}

export function createApi(accounts: Accounts, options: ApiOptions = {}): HttpHandler {
  const router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true })
  for (const route of ROUTES) router.on(route.method, route.path, () => {}, route)
  const log = options.log ?? consoleLog

  return async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!
    if (!path.startsWith(API_PREFIX)) return false
    const method = request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET')
    const found = router.find(method as 'GET', path)
    if (!found) {
      sendError(response, 'not_found', `No ${method} ${path}`)
      return true
    }
    try {
      const context = contextOf(request, found.params, accounts, options)
      if (method !== 'GET') {
        if (!sameOrigin(request)) throw new ApiError('cross_origin', 'Requests that change things must come from this site')
        if (accounts.isBannedAddress(context.origin.address)) throw new ApiError('banned', 'This address is banned')
      }
      const reply = await (found.store as Route).run(context)
      if (reply.raw) {
        response.writeHead(reply.status ?? 200, { 'content-type': reply.raw.type, 'x-content-type-options': 'nosniff', ...reply.headers })
        response.end(reply.raw.data)
      } else {
        sendJson(response, reply.status ?? (reply.body === undefined ? 204 : 200), reply.body, reply.headers)
      }
    } catch (error) {
      if (error instanceof ApiError || error instanceof AccountError) {
        sendError(response, error.kind, error.message)
      } else {
        // Logged by route pattern, never by path: paths carry join codes and transfer tokens.
        const route = found.store as Route
        log.error(`${route.method} ${route.path} failed: ${(error as Error).stack}`)
        if (response.headersSent) response.end()
        else sendJson(response, 500, { error: 'internal', message: 'Something went wrong' })
      }
    }
    return true
  }
}

function contextOf(request: IncomingMessage, params: Record<string, string | undefined>, accounts: Accounts, options: ApiOptions): Context {
  // Tokens travel in headers or cookies only: a ?token= in an API URL would end up in logs and history.
  const credentials = credentialsOf(request, { allowQuery: false })
  const forwardedProto = options.trustProxy ? request.headers['x-forwarded-proto'] : undefined
  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true
  return {
    request,
    params,
    accounts,
    caller: credentials ? accounts.authenticate(credentials.token) : undefined,
    origin: { address: clientAddress(request, options.trustProxy), userAgent: request.headers['user-agent'] },
    secure: encrypted || forwardedProto === 'https',
  }
}
