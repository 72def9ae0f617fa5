/**
 * The HTTP upgrade: which endpoint, who is knocking, may they open it. Refusals answer with a
 * plain HTTP status before any WebSocket exists, so a stranger never receives a byte of a doc.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { isRefusal, type Door, type Principal } from '../door.js'

export const SYNC_PREFIX = '/sync/'
export const MAX_DOC_NAME_LENGTH = 200

export type UpgradeTarget =
  | { endpoint: 'sync'; docName: string; principal: Principal }
  | { endpoint: 'live'; principal: Principal }

export function validDocName(name: string): boolean {
  // Printable, no whitespace or control characters, bounded: the same string in the URL, SQLite and IndexedDB.
  return name.length > 0 && name.length <= MAX_DOC_NAME_LENGTH && /^[\x21-\x7e]+$/.test(name)
}

export function resolveUpgrade(request: IncomingMessage, door: Door): UpgradeTarget | { status: number; reason: string } {
  const url = new URL(request.url ?? '/', 'http://relay.invalid')
  let docName: string | undefined
  if (url.pathname.startsWith(SYNC_PREFIX)) {
    try {
      docName = decodeURIComponent(url.pathname.slice(SYNC_PREFIX.length))
    } catch {
      return { status: 400, reason: 'bad doc name' }
    }
    if (!validDocName(docName)) return { status: 400, reason: 'bad doc name' }
  } else if (url.pathname !== '/live') {
    return { status: 404, reason: 'no such endpoint' }
  }
  const principal = door.identify(request)
  if (isRefusal(principal)) return principal
  if (docName === undefined) return { endpoint: 'live', principal }
  const allowed = door.mayOpen(principal, docName)
  if (isRefusal(allowed)) return allowed
  return { endpoint: 'sync', docName, principal }
}

export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ error: status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'bad_request', message: reason })
  socket.end(
    `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

function statusText(status: number): string {
  return { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error'
}
