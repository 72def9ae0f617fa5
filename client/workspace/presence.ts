/**
 * Who is in a room right now, over the room doc's y-protocols awareness. A tab says only what it
 * must: `{user}` while it shows the room (and is visible), plus `typing: <ms>` while its person
 * types; no names (the directory has them), no cursors. Every other room's state stays null, so
 * idle docs send nothing: y-protocols re-announces a non-null state every 15 s, and with one viewed
 * room per tab that is one small frame per tab per 15 s.
 */
import type { Awareness } from 'y-protocols/awareness'

/** A typing mark lasts this long after the last keystroke (Campfire's 5 s). */
export const TYPING_MS = 5000

export interface Presence {
  user: string
  /** When this person last typed, by their clock. */
  typing?: number
}

/** Reads a state another tab announced; the relay stamps `user` with the connection's own (awareness-hub.ts). */
function presenceOf(state: Record<string, unknown>): Presence | undefined {
  const user = state.user
  if (typeof user !== 'string') return undefined
  return typeof state.typing === 'number' ? { user, typing: state.typing } : { user }
}

/** Everyone else's presence in the doc (never this tab's, nor my other tabs'). */
function others(awareness: Awareness, me: string): Presence[] {
  const found: Presence[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const presence = presenceOf(state)
    if (presence && presence.user !== me) found.push(presence)
  }
  return found
}

/** The people with the room open right now, each once however many tabs they have. */
export function peopleHere(awareness: Awareness, me: string): string[] {
  return [...new Set(others(awareness, me).map((presence) => presence.user))]
}

/** The people whose last keystroke in the room was within TYPING_MS. */
export function peopleTyping(awareness: Awareness, me: string, now = Date.now()): string[] {
  const typing = others(awareness, me).filter((presence) => presence.typing !== undefined && now - presence.typing < TYPING_MS)
  return [...new Set(typing.map((presence) => presence.user))]
}

/** Sets this tab's presence, sending nothing when it would say what it already says. */
export function announce(awareness: Awareness, presence: Presence | null): void {
  const current = awareness.getLocalState() as Presence | null
  if (current === null && presence === null) return
  if (current && presence && current.user === presence.user && current.typing === presence.typing) return
  awareness.setLocalState(presence as Record<string, unknown> | null)
}
