/**
 * One row of a room's timeline: a day separator, or a message (with its author's header when it
 * starts a group), its boosts and its menu. My messages the relay does not have yet are marked
 * "not delivered". Buttons carry `data-action`; the room view handles them all with one listener,
 * so a row costs no element of its own.
 */
import { css, html } from 'lit'
import { unsafeHTML } from 'lit/directives/unsafe-html.js'
import { withMentionChips } from '../markdown/mention-chips.js'
import { renderMarkdown } from '../markdown/render-markdown.js'
import type { Message } from '../room/message.js'
import { dayLabel, timeLabel, type TimelineRow } from '../room/timeline.js'
import type { Workspace } from '../workspace/workspace.js'
import { QUICK_BOOSTS, type BoostEntry } from '../room/boosts.js'
import { soundIn } from '../room/sounds.js'
import './sound-message.js'
import { avatar, avatarStyles, faceOf } from './avatar.js'

/** What the room view knows about its rows beyond the messages themselves. */
export interface RowState {
  /** The message being edited in place. */
  editing?: string
  /** The message whose Delete was pressed once (the second press deletes). */
  confirmingDelete?: string
  /** The message a permalink pointed at. */
  target?: string
}

/** Rendered bodies by message id, text and mentioned names: a body is parsed and sanitized once, not on every render. */
const rendered = new Map<string, { key: string; html: string }>()

function bodyHtml(message: Message, workspace: Workspace): string {
  const names = message.mentions.map((id) => workspace.nameOf(id))
  const key = `${message.body}\u0000${names.join('\u0000')}`
  const cached = rendered.get(message.id)
  if (cached?.key === key) return cached.html
  const fresh = withMentionChips(renderMarkdown(message.body), names)
  rendered.set(message.id, { key, html: fresh })
  return fresh
}

export function renderRow(row: TimelineRow, workspace: Workspace, roomId: string, state: RowState = {}) {
  if (row.kind === 'day') {
    return html`<div class="day" role="separator"><span>${dayLabel(row.day)}</span></div>`
  }
  const { message, startsGroup } = row
  const mine = message.author === workspace.me.id
  const delivered = !mine || workspace.delivered(roomId, message.id)
  const author = workspace.nameOf(message.author)
  const time = new Date(message.createdAt)
  const mentionsMe = message.author !== workspace.me.id && message.mentions.includes(workspace.me.id)
  const classes = [startsGroup ? 'first' : '', delivered ? '' : 'pending', mentionsMe ? 'mentions-me' : '', state.target === message.id ? 'target' : '']
  return html`<article class="message ${classes.join(' ')}" data-id=${message.id}
    data-delivered=${delivered ? 'yes' : 'no'} aria-label=${`${author} at ${timeLabel(message.createdAt)}`}>
    ${startsGroup
      ? html`${avatar(faceOf(workspace, message.author))}
          <div class="meta"><strong class="author">${author}</strong> <time datetime=${time.toISOString()}>${timeLabel(message.createdAt)}</time></div>`
      : html`<time class="aside" datetime=${time.toISOString()}>${timeLabel(message.createdAt)}</time>`}
    ${state.editing === message.id
      ? html`<form class="edit" data-action="save-edit"><label class="visually-hidden" for="edit-${message.id}">Edit message</label>
          <textarea id="edit-${message.id}" class="editor" .value=${message.body}></textarea>
          <small>Enter saves, Esc cancels</small></form>`
      : html`<div class="body">${renderBody(message, workspace)}${message.editedAt ? html` <span class="edited">(edited)</span>` : null}</div>`}
    ${delivered ? null : html`<span class="undelivered">Not delivered yet</span>`}
    ${renderBoosts(workspace.boosts(roomId, message.id), workspace)}
    ${renderMenu(message, workspace, state)}
  </article>`
}

/** A `/play <name>` of a known sound shows as the sound; anything else as Markdown. */
function renderBody(message: Message, workspace: Workspace) {
  const sound = soundIn(message.body)
  return sound ? html`<sound-message .name=${sound}></sound-message>` : unsafeHTML(bodyHtml(message, workspace))
}

function renderBoosts(boosts: BoostEntry[], workspace: Workspace) {
  if (boosts.length === 0) return null
  return html`<div class="boosts">${boosts.map((boost) => {
    const name = workspace.nameOf(boost.booster)
    const face = avatar(faceOf(workspace, boost.booster), 'avatar tiny')
    return boost.booster === workspace.me.id
      ? html`<button class="boost mine" data-action="unboost" data-boost=${boost.id} aria-label=${`Remove your boost ${boost.content}`} title="Remove your boost">${boost.content}${face}</button>`
      : html`<span class="boost" title=${name} aria-label=${`${boost.content} from ${name}`}>${boost.content}${face}</span>`
  })}</div>`
}

function renderMenu(message: Message, workspace: Workspace, state: RowState) {
  return html`<details class="menu"><summary aria-label="Message menu" title="More">⋯</summary>
    <div class="items">
      <div class="quick" role="group" aria-label="Boost">${QUICK_BOOSTS.map(
        (content) => html`<button type="button" data-action="boost" data-content=${content} aria-label=${`Boost with ${content}`}>${content}</button>`,
      )}</div>
      <form class="custom" data-action="custom-boost"><input name="boost" aria-label="Custom boost" placeholder="Your own boost" autocomplete="off"><button>Boost</button></form>
      <button type="button" data-action="reply">Reply</button>
      <button type="button" data-action="copy-link">Copy link</button>
      ${workspace.mayEdit(message) ? html`<button type="button" data-action="edit">Edit</button>` : null}
      ${workspace.mayDelete(message)
        ? state.confirmingDelete === message.id
          ? html`<button type="button" class="danger" data-action="delete">Delete for everyone?</button>`
          : html`<button type="button" data-action="ask-delete">Delete</button>`
        : null}
    </div>
  </details>`
}

export const messageStyles = [avatarStyles, css`
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
  .message.mentions-me { background: var(--mention-bg, color-mix(in srgb, var(--accent) 12%, transparent)); box-shadow: inset 3px 0 var(--accent); }
  .message.target { animation: target 2.5s ease-out; }
  @keyframes target { from { background: color-mix(in srgb, var(--focus) 35%, transparent); } }
  .body .mention { background: color-mix(in srgb, var(--accent) 16%, transparent); color: var(--accent-text); border-radius: 999px; padding: 0 0.35em; font-weight: 600; white-space: nowrap; }
  .edited { color: var(--muted); font-size: 0.72rem; }
  .edit { grid-column: 2; display: grid; gap: 0.2rem; }
  .edit textarea { min-height: 3rem; resize: vertical; }
  .edit small { color: var(--muted); font-size: 0.72rem; }
  .boosts { grid-column: 2; display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0.2rem 0; }
  .boost { display: inline-flex; align-items: center; gap: 0.25rem; border: 1px solid var(--line); border-radius: 999px; padding: 0.05rem 0.35rem 0.05rem 0.5rem; font-size: 0.85rem; background: var(--surface); }
  button.boost.mine { border-color: var(--accent); }
  .avatar.tiny { width: 1.2rem; height: 1.2rem; border-radius: 50%; display: inline-grid; place-items: center; color: #fff; font-size: 0.55rem; font-weight: 700; background: hsl(var(--hue) 55% 45%); }
  /* Transparent, not hidden, until wanted: the menu stays reachable by Tab and shows when it has the focus. */
  .menu { position: absolute; right: 0.8rem; top: 0; opacity: 0; }
  .message:hover .menu, .menu:focus-within, .menu[open] { opacity: 1; }
  .menu summary { list-style: none; cursor: pointer; padding: 0 0.5rem; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); }
  .menu summary::-webkit-details-marker { display: none; }
  .menu .items { position: absolute; right: 0; z-index: 2; display: grid; gap: 0.3rem; padding: 0.5rem; min-width: 14rem;
    background: var(--surface); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 4px 14px var(--shadow); }
  .menu .quick { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.2rem; }
  .menu .quick button { padding: 0.2rem; }
  .menu .custom { display: flex; gap: 0.3rem; }
  .menu .custom input { flex: 1; min-width: 0; padding: 0.3rem 0.5rem; }
  .menu button.danger { color: var(--danger); }
  .body > :first-child { margin-top: 0; }
  .body > :last-child { margin-bottom: 0; }
  .body p { margin: 0.2rem 0; }
  .body a { color: var(--accent-text); }
  .body code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.88em; background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
  .body pre { background: var(--code-bg); padding: 0.6rem 0.8rem; border-radius: 8px; overflow-x: auto; }
  .body pre code { background: none; padding: 0; }
  .body blockquote { margin: 0.3rem 0; padding-left: 0.8rem; border-left: 3px solid var(--line); color: var(--muted); }
  .body ul, .body ol { margin: 0.2rem 0; padding-left: 1.4rem; }
`]
