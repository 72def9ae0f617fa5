/**
 * A message body as plain text, for places that cannot show markup (a notification's body): the
 * Markdown is rendered and sanitized as for the room, then read back as text from an inert
 * document (DOMParser runs no scripts and loads nothing), with whitespace collapsed.
 */
import { renderMarkdown } from './render-markdown.js'

export function plainText(body: string): string {
  const html = renderMarkdown(body)
  const parsed = new DOMParser().parseFromString(html, 'text/html').body
  for (const br of parsed.querySelectorAll('br')) br.replaceWith('\n')
  const text = parsed.textContent ?? ''
  return text.replace(/\s+/g, ' ').trim()
}
