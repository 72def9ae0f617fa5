/**
 * Avatars, one way everywhere (messages, boosts, the sidebar, people lists): the uploaded picture
 * when the person has one, initials on a colour picked from their id otherwise. The initials stay
 * underneath the picture, so a picture that cannot load (offline: /api/ is never cached) leaves them.
 */
import { css, html } from 'lit'
import type { Workspace } from '../workspace/workspace.js'

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0]![0], words.at(-1)![0]] : [...(words[0] ?? '?')].slice(0, 1)
  return letters.join('').toUpperCase()
}

function hueOf(id: string): number {
  // FNV-1a onto twelve well-separated hues, so two people rarely look alike.
  let hash = 0x811c9dc5
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0
  hash ^= hash >>> 15
  hash = Math.imul(hash, 0x2c1b3c6d) >>> 0
  return ((hash >>> 16) % 12) * 30
}

export interface Face {
  id: string
  name: string
  avatar?: string | null | undefined
}

/** `className` sizes it (each element styles `.avatar`); `avatarStyles` lays the picture over the initials. */
export function avatar(face: Face, className = 'avatar') {
  return html`<span class=${className} style="--hue:${hueOf(face.id)}" aria-hidden="true">${initials(face.name)}${face.avatar
    ? html`<img src=${face.avatar} alt="" loading="lazy" @error=${hideBroken} />`
    : null}</span>`
}

function hideBroken(event: Event) {
  ;(event.target as HTMLElement).hidden = true
}

export const avatarStyles = css`
  .avatar { position: relative; overflow: hidden; }
  .avatar img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; border-radius: inherit; }
  .avatar img[hidden] { display: none; }
`

/** Someone's face as the account doc knows them (a name even for people it does not list). */
export function faceOf(workspace: Workspace, userId: string): Face {
  return { id: userId, name: workspace.nameOf(userId), avatar: workspace.people().get(userId)?.avatar }
}
