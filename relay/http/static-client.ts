/**
 * Serves the built client (vite's `dist/client`) as an HttpHandler. Hashed files under /assets/
 * never change, so browsers may keep them for a year; the HTML shell, the manifest and the
 * service worker must be revalidated every time, or a deploy would never reach installed apps.
 * Any other GET that asks for HTML gets the shell (the client routes `/signin`, `/join/<code>`...).
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HttpHandler } from '../relay.js'

export const DEFAULT_CLIENT_DIR = resolve(import.meta.dirname, '../../dist/client')

const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

/** Paths the relay itself answers: never shadowed by the shell. */
const RELAY_PATHS = ['/api/', '/sync/', '/live', '/healthz', '/bot/']

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
}

export function staticClient(root = DEFAULT_CLIENT_DIR): HttpHandler {
  const base = resolve(root)
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false
    const pathname = pathOf(request)
    if (pathname === undefined || RELAY_PATHS.some((prefix) => pathname.startsWith(prefix))) return false
    const file = fileFor(base, pathname)
    if (file) return send(request, response, file, pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE)
    const shell = join(base, 'index.html')
    if (wantsHtml(request) && existsSync(shell)) return send(request, response, shell, REVALIDATE)
    return false
  }
}

function pathOf(request: IncomingMessage): string | undefined {
  try {
    return decodeURIComponent(new URL(request.url ?? '/', 'http://relay.invalid').pathname)
  } catch {
    return undefined
  }
}

/** The file under `base` for this path, never outside it (`..` and encoded tricks land on nothing). */
function fileFor(base: string, pathname: string): string | undefined {
  if (pathname.includes('\0')) return undefined
  const candidate = resolve(base, '.' + normalize(pathname === '/' ? '/index.html' : pathname))
  if (candidate !== base && !candidate.startsWith(base + sep)) return undefined
  try {
    return statSync(candidate).isFile() ? candidate : undefined
  } catch {
    return undefined
  }
}

function wantsHtml(request: IncomingMessage): boolean {
  return (request.headers.accept ?? '').includes('text/html')
}

function send(request: IncomingMessage, response: ServerResponse, file: string, cacheControl: string): true {
  const size = statSync(file).size
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
    ...(file.endsWith('.html') ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
  })
  if (request.method === 'HEAD') response.end()
  else createReadStream(file).pipe(response)
  return true
}

/**
 * The shell may only run its own scripts: a message body that slipped past the sanitizer still
 * cannot load or inline script. Styles are inline in lit's shadow roots, images may be anywhere.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')
