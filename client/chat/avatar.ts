/** Avatars without images: initials on a colour picked from the person's id, stable everywhere. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0]![0], words.at(-1)![0]] : [...(words[0] ?? '?')].slice(0, 1)
  return letters.join('').toUpperCase()
}

export function hueOf(id: string): number {
  // FNV-1a onto twelve well-separated hues, so two people rarely look alike.
  let hash = 0x811c9dc5
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0
  hash ^= hash >>> 15
  hash = Math.imul(hash, 0x2c1b3c6d) >>> 0
  return ((hash >>> 16) % 12) * 30
}
