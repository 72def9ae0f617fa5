/**
 * A room: its messages in (createdAt, id) order, grouped by author within five minutes, split by
 * day, with local times. Only a window of the newest messages is in the DOM; scrolling up widens
 * it, so a 10,000-message room opens as fast as a 10-message one. New messages arriving while the
 * reader is scrolled up show a jump-to-newest button instead of moving the page under them.
 */
import { consume } from '@lit/context'
import { LitElement, css, html, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { repeat } from 'lit/directives/repeat.js'
import { ChangeController } from '../app/change-controller.js'
import { VisibilityController } from '../app/visibility-controller.js'
import { workspaceContext } from '../app/contexts.js'
import { navigate, permalink, routeFor } from '../app/routes.js'
import { controls } from '../app/shared-styles.js'
import { around, newer, newest, older, rangeOf, WINDOW_STEP, type MessageWindow } from '../room/message-window.js'
import { layOut } from '../room/timeline.js'
import type { Workspace } from '../workspace/workspace.js'
import { lockIcon } from './icons.js'
import './connection-status.js'
import './message-composer.js'
import './room-presence.js'
import { RoomSounds } from './room-sounds.js'
import './room-settings.js'
import './room-menu.js'
import { messageStyles, renderRow, type RowState } from './message-row.js'
import { rowClicked, rowKeydown, rowSubmitted, startEditing, type RowHost } from './row-actions.js'
import type { Message } from '../room/message.js'
import { replyText } from '../room/reply.js'

/** Messages in the DOM at first (see room/message-window.ts for how the window slides). */
export const WINDOW_SIZE = WINDOW_STEP
/** Within this many pixels of the bottom counts as "reading the newest". */
const AT_BOTTOM_PX = 48
/** Within this many pixels of the window's edge, the next slice comes in. */
const EDGE_PX = 200
/** How long "Link copied" stays up. */
const NOTICE_MS = 4000

@customElement('room-view')
export class RoomView extends LitElement implements RowHost {
  static override styles = [
    controls,
    messageStyles,
    css`
      :host { display: grid; grid-template-rows: auto 1fr auto auto; height: 100%; min-height: 0; position: relative; background: var(--bg); }
      header { display: flex; align-items: center; gap: 0.6rem; padding: 0.75rem 1rem; border-bottom: 1px solid var(--line); }
      header h1 { font-size: 1.05rem; margin: 0; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      header .kind { color: var(--muted); margin-right: 0.4rem; }
      header a { text-decoration: none; color: var(--accent-text); display: none; }
      header .phone-only { display: none; }
      @media (max-width: 700px) { header a, header .phone-only { display: inline-flex; } }
      .scroller { overflow-anchor: none; overflow-y: auto; min-height: 0; padding: 0.5rem 0 0.75rem; overscroll-behavior: contain; }
      .jump { position: absolute; left: 50%; transform: translateX(-50%); bottom: 5rem; box-shadow: 0 4px 14px var(--shadow); }
      .empty { color: var(--muted); text-align: center; margin-top: 3rem; }
      .typing { margin: 0; padding: 0 1rem; min-height: 1.2rem; font-size: 0.78rem; color: var(--muted); font-style: italic; }
      .notice { position: absolute; right: 1rem; bottom: 5rem; margin: 0; padding: 0.4rem 0.8rem; border-radius: 8px; background: var(--surface);
        border: 1px solid var(--line); box-shadow: 0 4px 14px var(--shadow); font-size: 0.85rem; overflow-wrap: anywhere; max-width: 60%; }
      .refused { background: var(--warn-bg); padding: 0.4rem 1rem; font-size: 0.85rem; }
    `,
  ]
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @property() roomId = ''
  /** The message a permalink points at: the room opens scrolled to it, highlighted. */
  @property() messageId: string | undefined
  @state() private window: MessageWindow = newest
  @state() private newBelow = false
  @state() rowState: RowState = {}
  @state() problem = ''
  @state() private notice = ''
  private noticeExpiry: ReturnType<typeof setTimeout> | undefined
  @query('.scroller') private scroller!: HTMLElement
  private readonly changes = new ChangeController(this)
  /** `/play` messages arriving live sound here (room-sounds.ts). */
  private readonly sounds = new RoomSounds(this)
  private readonly visibility = new VisibilityController(this)
  private typingExpiry: ReturnType<typeof setTimeout> | undefined
  private pinned = true
  private newestSeen: string | undefined
  /** The permalink target already brought into view (it is not forced back while the reader scrolls on). */
  private targetShown: string | undefined
  private scrollToTarget = false
  /** A message on screen and its offset from the scroller's top, kept in place while the window slides. */
  private anchor: { id: string; offset: number } | undefined

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('roomId')) {
      this.window = newest
      this.pinned = true
      this.newBelow = false
      this.newestSeen = undefined
      this.rowState = {}
      this.problem = ''
    }
    if (changed.has('roomId') || changed.has('messageId')) this.targetShown = undefined
    this.findTarget()
  }

  /** Once the permalinked message is here (it may arrive with the first sync), widen the window to it. */
  private findTarget(): void {
    const id = this.messageId
    if (!id || id === this.targetShown || !this.workspace) return
    const messages = this.workspace.messages(this.roomId)
    const index = messages.findIndex((message) => message.id === id)
    if (index < 0) return
    this.targetShown = id
    this.window = around(index, messages.length)
    this.pinned = false
    this.scrollToTarget = true
    this.rowState = { ...this.rowState, target: id }
  }

  override render() {
    this.changes.follow(this.workspace)
    const workspace = this.workspace
    const room = workspace?.rooms().get(this.roomId)
    if (!workspace || !room) return null
    const messages = workspace.messages(this.roomId)
    const { start, end } = rangeOf(this.window, messages.length)
    const shown = messages.slice(start, end)
    const newest = messages.at(-1)
    if (newest && newest.id !== this.newestSeen) {
      if ((!this.pinned || this.window.end !== undefined) && this.newestSeen !== undefined && newest.author !== workspace.me.id) this.newBelow = true
      if (newest.author === workspace.me.id) this.follow()
      this.newestSeen = newest.id
    }
    const live = workspace.room(this.roomId)
    const name = workspace.roomName(room)
    return html`
      <header>
        <a href="/" aria-label="All rooms">‹ Rooms</a>
        <h1>${room.kind === 'ping' ? null : html`<span class="kind" aria-hidden="true">${room.kind === 'closed' ? lockIcon : '#'}</span>`}${name}</h1>
        <room-presence .roomId=${this.roomId}></room-presence>
        <room-settings .roomId=${this.roomId}></room-settings>
        <connection-status class="phone-only"></connection-status>
        <room-menu .roomId=${this.roomId}></room-menu>
      </header>
      <div class="scroller" @scroll=${this.scrolled} @click=${this.clicked}
        @submit=${(e: SubmitEvent) => rowSubmitted(this, e)} @keydown=${this.keydown} tabindex="0" role="log" aria-label=${`Messages in ${name}`}>
        ${live?.refusal ? html`<p class="refused" role="alert">The relay refused a change here (${live.refusal}); this room was reloaded from the relay.</p>` : null}
        ${this.problem ? html`<p class="refused" role="alert">${this.problem}</p>` : null}
        ${messages.length === 0 ? html`<p class="empty">No messages yet. Say hello!</p>` : null}
        ${repeat(layOut(shown), (row) => row.key, (row) => renderRow(row, workspace, this.roomId, this.rowState))}
      </div>
      <p class="typing" aria-live="polite">${typingLine(workspace.typing(this.roomId))}</p>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : null}
      ${this.newBelow ? html`<button class="jump primary" @click=${this.jumpToNewest}>Jump to newest ↓</button>` : null}
      <message-composer .roomId=${this.roomId} .roomName=${name} @sent=${() => this.follow()}
        @edit-last=${this.editLast}></message-composer>
    `
  }

  override updated(changed: PropertyValues<this>): void {
    // A typing mark expires by time alone: look again when it would have.
    clearTimeout(this.typingExpiry)
    if (this.workspace?.typing(this.roomId).length) this.typingExpiry = setTimeout(() => this.requestUpdate(), 1000)
    if (!this.scroller) return
    if (changed.has('rowState') && this.rowState.editing && this.rowState.editing !== changed.get('rowState')?.editing) {
      const editor = this.scroller.querySelector<HTMLTextAreaElement>('textarea.editor')
      editor?.focus()
      editor?.setSelectionRange(editor.value.length, editor.value.length)
    }
    // Opening a room means writing in it, except on a phone, where the keyboard would cover the room.
    if (changed.has('roomId') && !matchMedia('(max-width: 700px)').matches) this.shadowRoot?.querySelector('message-composer')?.focus()
    if (this.scrollToTarget) {
      this.scrollToTarget = false
      this.scroller.querySelector(`article[data-id="${CSS.escape(this.messageId ?? '')}"]`)?.scrollIntoView({ block: 'center' })
      this.anchor = undefined
    } else if (this.anchor) {
      // The window slid: put the message the reader was looking at back where it was.
      const row = this.scroller.querySelector<HTMLElement>(`article[data-id="${CSS.escape(this.anchor.id)}"]`)
      if (row) this.scroller.scrollTop += row.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top - this.anchor.offset
      this.anchor = undefined
    } else if (this.pinned && this.window.end === undefined) {
      this.scroller.scrollTop = this.scroller.scrollHeight
      this.newBelow = false
    }
    if (this.pinned && document.visibilityState === 'visible') this.workspace?.markRead(this.roomId)
  }

  private atBottom(): boolean {
    const s = this.scroller
    if (!s) return true
    return s.scrollHeight - s.scrollTop - s.clientHeight < AT_BOTTOM_PX
  }

  private scrolled() {
    if (this.anchor) return // a slide is already on its way
    const following = this.window.end === undefined
    this.pinned = following && this.atBottom()
    if (this.pinned) {
      this.newBelow = false
      this.workspace?.markRead(this.roomId)
    }
    const total = this.workspace?.messages(this.roomId).length ?? 0
    const s = this.scroller
    const next =
      s.scrollTop < EDGE_PX ? older(this.window, total) : s.scrollHeight - s.scrollTop - s.clientHeight < EDGE_PX ? newer(this.window, total) : undefined
    if (!next) return
    this.anchor = this.anchorRow()
    this.window = next
  }

  private anchorRow(): { id: string; offset: number } | undefined {
    const top = this.scroller.getBoundingClientRect().top
    // Not the window's first row: once older messages join its group, it loses its header.
    for (const row of [...this.scroller.querySelectorAll<HTMLElement>('article.message')].slice(1)) {
      const box = row.getBoundingClientRect()
      if (box.bottom > top) return { id: row.dataset.id ?? '', offset: box.top - top }
    }
    return undefined
  }

  private readonly clicked = (event: MouseEvent) => {
    // One message menu open at a time: a click anywhere else in the room closes the open one.
    const menu = (event.target as Element).closest('details.menu')
    for (const open of this.scroller.querySelectorAll<HTMLDetailsElement>('details.menu[open]')) if (open !== menu) open.open = false
    // A permalink in a message (a reply's, say) opens in this tab, in the app, not in a new one.
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href]')
    if (link) {
      const url = new URL(link.href)
      if (url.origin === location.origin && routeFor(url.pathname).page === 'chat' && !event.ctrlKey && !event.metaKey) {
        event.preventDefault()
        navigate(url.pathname)
      }
      return
    }
    rowClicked(this, event)
  }

  private readonly keydown = (event: KeyboardEvent) => {
    const menu = (event.target as Element).closest<HTMLDetailsElement>('details.menu[open]')
    if (menu && event.key === 'Escape') {
      menu.open = false
      menu.querySelector('summary')?.focus()
      return
    }
    rowKeydown(this, event)
  }

  /** Up in an empty composer edits my last message, as in Campfire. */
  private readonly editLast = () => {
    const mine = this.workspace?.lastOwnMessage(this.roomId)
    if (!mine || !this.workspace) return
    // My last message may be older than the window: bring it in (focusing the editor scrolls to it).
    const messages = this.workspace.messages(this.roomId)
    const index = messages.indexOf(mine)
    const { start, end } = rangeOf(this.window, messages.length)
    if (index < start || index >= end) {
      this.window = around(index, messages.length)
      this.pinned = false
    }
    startEditing(this, mine.id)
  }

  reply(message: Message): void {
    const name = this.workspace?.nameOf(message.author) ?? 'Someone'
    this.composer?.quote(replyText(message, name, permalink(this.roomId, message.id)))
  }

  /** Copies a permalink; where the clipboard is refused, the link is shown to copy by hand. */
  copyLink(message: Message): void {
    const link = permalink(this.roomId, message.id)
    const show = (notice: string) => {
      this.notice = notice
      clearTimeout(this.noticeExpiry)
      this.noticeExpiry = setTimeout(() => (this.notice = ''), NOTICE_MS)
    }
    if (!navigator.clipboard) return show(link)
    navigator.clipboard.writeText(link).then(() => show('Link copied'), () => show(link))
  }

  focusComposer(): void {
    this.composer?.focus()
  }

  private get composer() {
    return this.shadowRoot?.querySelector('message-composer') ?? undefined
  }

  /** Back to the newest messages, stuck to the bottom. */
  private follow() {
    this.window = newest
    this.pinned = true
  }

  private jumpToNewest() {
    this.follow()
    this.newBelow = false
    this.requestUpdate()
  }
}

/** "Kevin is typing…", "Kevin and JZ are typing…", "Several people are typing…" */
export function typingLine(names: string[]): string {
  if (names.length === 0) return ''
  if (names.length === 1) return `${names[0]} is typing…`
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`
  return 'Several people are typing…'
}

declare global {
  interface HTMLElementTagNameMap {
    'room-view': RoomView
  }
}
