/**
 * One row of a room's timeline: a day separator, or a message (with its author's header when it
 * starts a group). My messages the relay does not have yet are marked "not delivered".
 */
import { css, html } from 'lit'
import { unsafeHTML } from 'lit/directives/unsafe-html.js'
import { renderMarkdown } from '../markdown/render-markdown.js'
import type { Message } from '../room/message.js'
import { dayLabel, timeLabel, type TimelineRow } from '../room/timeline.js'
import type { Workspace } from '../workspace/workspace.js'
import { hueOf, initials } from './avatar.js'

/** Rendered bodies by message id and text: a body is parsed and sanitized once, not on every render. */
const rendered = new Map<string, { body: string; html: string }>()

function bodyHtml(message: Message): string {
  const cached = rendered.get(message.id)
  if (cached?.body === message.body) return cached.html
  const fresh = renderMarkdown(message.body)
  rendered.set(message.id, { body: message.body, html: fresh })
  return fresh
}

export function renderRow(row: TimelineRow, workspace: Workspace, roomId: string) {
  if (row.kind === 'day') {
    return html`<div class="day" role="separator"><span>${dayLabel(row.day)}</span></div>`
  }
  const { message, startsGroup } = row
  const mine = message.author === workspace.me.id
  const delivered = !mine || workspace.delivered(roomId, message.id)
  const author = workspace.nameOf(message.author)
  const time = new Date(message.createdAt)
  return html`<article class="message ${startsGroup ? 'first' : ''} ${delivered ? '' : 'pending'}" data-id=${message.id}
    data-delivered=${delivered ? 'yes' : 'no'} aria-label=${`${author} at ${timeLabel(message.createdAt)}`}>
    ${startsGroup
      ? html`<span class="avatar" style="--hue:${hueOf(message.author)}" aria-hidden="true">${initials(author)}</span>
          <div class="meta"><strong class="author">${author}</strong> <time datetime=${time.toISOString()}>${timeLabel(message.createdAt)}</time></div>`
      : html`<time class="aside" datetime=${time.toISOString()}>${timeLabel(message.createdAt)}</time>`}
    <div class="body">${unsafeHTML(bodyHtml(message))}</div>
    ${delivered ? null : html`<span class="undelivered">Not delivered yet</span>`}
  </article>`
}

export const messageStyles = css`
  .day { display: flex; align-items: center; gap: 0.75rem; margin: 1rem 1rem 0.4rem; color: var(--muted); font-size: 0.78rem; font-weight: 600; }
  .day::before, .day::after { content: ''; flex: 1; border-top: 1px solid var(--line); }
  .message { display: grid; grid-template-columns: 2.4rem 1fr; column-gap: 0.7rem; padding: 0.1rem 1rem; position: relative; }
  .message.first { margin-top: 0.7rem; }
  .message:hover { background: var(--hover); }
  .message .avatar { grid-row: span 2; width: 2.3rem; height: 2.3rem; border-radius: 50%; display: grid; place-items: center;
    color: #fff; font-weight: 700; font-size: 0.8rem; background: hsl(var(--hue) 55% 45%); }
  .message .meta { font-size: 0.9rem; }
  .message .meta time, .message .aside { color: var(--muted); font-size: 0.75rem; }
  .message .aside { grid-column: 1; justify-self: end; white-space: nowrap; font-size: 0.66rem; line-height: 1.45rem; visibility: hidden; }
  .message:hover .aside { visibility: visible; }
  .message .body { grid-column: 2; overflow-wrap: anywhere; line-height: 1.45; }
  .message.pending .body { opacity: 0.6; }
  .undelivered { grid-column: 2; font-size: 0.72rem; color: var(--warn-text); }
  .body > :first-child { margin-top: 0; }
  .body > :last-child { margin-bottom: 0; }
  .body p { margin: 0.2rem 0; }
  .body a { color: var(--accent-text); }
  .body code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.88em; background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
  .body pre { background: var(--code-bg); padding: 0.6rem 0.8rem; border-radius: 8px; overflow-x: auto; }
  .body pre code { background: none; padding: 0; }
  .body blockquote { margin: 0.3rem 0; padding-left: 0.8rem; border-left: 3px solid var(--line); color: var(--muted); }
  .body ul, .body ol { margin: 0.2rem 0; padding-left: 1.4rem; }
`
