/**
 * Message bodies: a Markdown subset parsed by marked and sanitized by DOMPurify with an allow-list.
 * The sanitizer, not the parser, is the security boundary: raw HTML that marked passes through is
 * still cut down to these tags, no attribute but href/title survives, and only http(s)/mailto
 * links stay links. Everything else (script, on* handlers, javascript: URLs) ends up inert.
 */
import DOMPurify from 'dompurify'
import { Marked } from 'marked'

const ALLOWED_TAGS = ['a', 'strong', 'b', 'em', 'i', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'p', 'br', 'del']
const ALLOWED_ATTR = ['href', 'title']
const SAFE_URL = /^(?:https?:|mailto:)/i

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  // Raw HTML in a body is shown as the text it is, never parsed as markup.
  renderer: { html: ({ text }) => escapeHtml(text) },
})

const purifier = DOMPurify(window)
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return
  const href = node.getAttribute('href') ?? ''
  if (!SAFE_URL.test(href)) node.removeAttribute('href')
  else {
    // Links open outside the app and cannot reach back into it.
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer nofollow')
  }
})

export function renderMarkdown(body: string): string {
  const html = marked.parse(body) as string
  return purifier.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: [...ALLOWED_ATTR, 'target', 'rel'], ALLOW_DATA_ATTR: false })
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
