/**
 * JSON over HTTP for the API: bodies read with a size limit, errors as `{error, message}` with the
 * status that names them, and nothing cached (answers depend on who asks).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import type { AccountErrorKind } from '../accounts/errors.js'
import { SIGN_IN_WINDOW_MS } from '../accounts/throttle.js'

/** JSON bodies are small: names, emails, ids. */
export const MAX_JSON_BYTES = 64 * 1024

export type ApiErrorKind = AccountErrorKind | 'too_large' | 'unsupported_media_type' | 'cross_origin' | 'banned'

const STATUS: Record<ApiErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  cross_origin: 403,
  banned: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
}

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
  ) {
    super(message)
  }

  get status(): number {
    return STATUS[this.kind]
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body)
  response.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  })
  response.end(text)
}

/** How long a throttled client is told to wait: the throttle's whole window, to be safe. */
const RETRY_AFTER_S = String(SIGN_IN_WINDOW_MS / 1000)

export function sendError(response: ServerResponse, kind: ApiErrorKind, message: string): void {
  sendJson(response, STATUS[kind], { error: kind, message }, kind === 'rate_limited' ? { 'retry-after': RETRY_AFTER_S } : {})
}

export async function readBytes(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) throw new ApiError('too_large', `The body may be at most ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) throw new ApiError('too_large', `The body may be at most ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * A JSON body, validated. Requiring `application/json` also keeps plain HTML forms from other
 * sites out: they cannot send that type without a CORS preflight, which we never grant.
 */
export async function readJson<T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const type = request.headers['content-type'] ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError('unsupported_media_type', 'Send JSON (Content-Type: application/json)')
  const text = (await readBytes(request, MAX_JSON_BYTES)).toString('utf8')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ApiError('invalid', 'The body is not valid JSON')
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    throw new ApiError('invalid', `${where}${issue?.message ?? 'invalid body'}`)
  }
  return parsed.data
}
