/**
 * The door: who is knocking, and may they open this doc? Every WebSocket upgrade and every doc
 * joined on a multiplexed socket passes through `Door.admit`, so authorization lives in one place.
 */
import type { IncomingMessage } from 'node:http'

export type Role = 'administrator' | 'member' | 'bot'

export interface Principal {
  userId: string
  name: string
  role: Role
  /** The session this connection was opened with, so signing out can end it. */
  sessionId?: string
}

export type Refusal = { status: 401 | 403; reason: string }

export interface Door {
  /** Who the request speaks for, or a refusal (401: nobody signed in). */
  identify(request: IncomingMessage): Principal | Refusal
  /** Whether that principal may open (read and write) the named doc. */
  mayOpen(principal: Principal, docName: string): true | Refusal
}

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'status' in value && 'reason' in value

/** Before accounts exist, anyone who reaches the port may open any doc. */
export const openDoor: Door = {
  identify: () => ({ userId: 'anyone', name: 'Anyone', role: 'member' }),
  mayOpen: () => true,
}
