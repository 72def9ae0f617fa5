/**
 * A mention renders as a chip. The names come from the message's `mentions` (ids) through the
 * directory, never from the body: `@Someone` typed by hand is text. Only text nodes outside code
 * and links are split, on sanitized HTML, so nothing the sender wrote can become markup.
 */
const SKIPPED = new Set(['CODE', 'PRE', 'A'])

export function withMentionChips(sanitizedHtml: string, names: string[]): string {
  const wanted = names.filter(Boolean).map((name) => `@${name}`)
  if (wanted.length === 0) return sanitizedHtml
  const template = document.createElement('template')
  template.innerHTML = sanitizedHtml
  const pattern = new RegExp(wanted.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g')
  const walker = document.createTreeWalker(template.content, NodeFilter.SHOW_TEXT)
  const texts: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!insideSkipped(node)) texts.push(node as Text)
  }
  for (const text of texts) chip(text, pattern)
  return template.innerHTML
}

function chip(text: Text, pattern: RegExp): void {
  const value = text.data
  const parts: Node[] = []
  let last = 0
  for (const match of value.matchAll(pattern)) {
    const at = match.index
    if (at > last) parts.push(document.createTextNode(value.slice(last, at)))
    const span = document.createElement('span')
    span.className = 'mention'
    span.textContent = match[0]
    parts.push(span)
    last = at + match[0].length
  }
  if (parts.length === 0) return
  if (last < value.length) parts.push(document.createTextNode(value.slice(last)))
  text.replaceWith(...parts)
}

function insideSkipped(node: Node): boolean {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) if (SKIPPED.has(parent.tagName)) return true
  return false
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
