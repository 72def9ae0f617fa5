/**
 * Search on the device: a button in the sidebar (and Ctrl/⌘+K, or "/" when not typing) opens a
 * dialog that searches every room this device holds as the person types, offline too. Results are
 * messages (author, room, time, an excerpt with the matched words marked), newest first; opening
 * one goes to its permalink, where the room scrolls to it and flashes it. With the field empty, the
 * person's last searches (kept in their user doc, so every device has them) are offered instead.
 * A search is remembered when a result is opened or Enter is pressed, not on every keystroke.
 */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import { ChangeController } from '../app/change-controller.js'
import { ListenerController } from '../app/listener-controller.js'
import { workspaceContext } from '../app/contexts.js'
import { messagePath, navigate } from '../app/routes.js'
import { controls } from '../app/shared-styles.js'
import { excerpt } from '../search/excerpt.js'
import { messageIndexOf, type SearchHit } from '../search/message-index.js'
import { recentSearches, rememberSearch } from '../search/recent-searches.js'
import type { Workspace } from '../workspace/workspace.js'

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const MAC = /Mac|iPhone|iPad/.test(navigator.platform)

@customElement('search-box')
export class SearchBox extends LitElement {
  static override styles = [
    controls,
    css`
      .open { display: flex; box-sizing: border-box; width: 100%; align-items: center; gap: 0.5rem; color: var(--muted); text-align: left; padding: 0.35rem 0.6rem; }
      .open span { flex: 1; }
      kbd { font: inherit; font-size: 0.75rem; border: 1px solid var(--line); border-radius: 4px; padding: 0 0.3rem; }
      dialog { box-sizing: border-box; border: 1px solid var(--line); border-radius: 14px; background: var(--surface); color: var(--text); width: min(40rem, 94vw);
        padding: 0; margin-top: 8vh; max-height: 80vh; }
      dialog[open] { display: flex; flex-direction: column; }
      dialog::backdrop { background: rgb(0 0 0 / 0.35); }
      input { margin: 0.8rem; font-size: 1.05rem; }
      .status, h2 { margin: 0 1rem 0.4rem; font-size: 0.78rem; color: var(--muted); font-weight: 400; }
      ol, ul { list-style: none; margin: 0; padding: 0 0.5rem 0.6rem; overflow-y: auto; }
      li a, li button { display: block; box-sizing: border-box; width: 100%; text-align: left; border: 0; background: none; padding: 0.5rem 0.6rem; border-radius: 8px;
        color: var(--text); text-decoration: none; }
      li a:hover, li a:focus-visible, li button:hover, li button:focus-visible, li:first-child a.first { background: var(--hover); }
      .meta { display: flex; gap: 0.5rem; font-size: 0.8rem; color: var(--muted); }
      .meta strong { color: var(--text); }
      .meta time { margin-left: auto; }
      .excerpt { margin-top: 0.15rem; overflow-wrap: anywhere; }
      mark { background: var(--warn-bg); color: inherit; border-radius: 3px; font-weight: 600; }
    `,
  ]
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @state() private open = false
  @state() private query = ''
  @query('dialog') private dialog!: HTMLDialogElement
  @query('input') private input!: HTMLInputElement
  private readonly changes = new ChangeController(this)
  /** While the index is first built, each slice read shows the results again. */
  private readonly building = new ChangeController(this)
  private readonly shortcuts = new ListenerController(this, window, 'keydown', (event) => this.shortcut(event))

  /** Opens the search with the field focused (and what was typed last selected). */
  async show(): Promise<void> {
    this.open = true
    await this.updateComplete
    if (!this.dialog.open) this.dialog.showModal()
    this.input.focus()
    this.input.select()
    if (!this.workspace) return
    const index = messageIndexOf(this.workspace)
    this.building.follow(index)
    await index.buildLater()
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close()
    this.open = false
    this.building.follow(undefined)
  }

  override render() {
    this.changes.follow(this.workspace)
    const keys = MAC ? '⌘K' : 'Ctrl K'
    return html`
      <button class="open" @click=${() => this.show()} aria-keyshortcuts="Control+K Meta+K /">
        <span>Search</span><kbd aria-hidden="true">${keys}</kbd>
      </button>
      <dialog aria-label="Search messages" @close=${() => this.close()}>
        ${this.open ? this.renderSearch() : null}
      </dialog>
    `
  }

  private renderSearch() {
    const workspace = this.workspace
    if (!workspace) return null
    const field = html`<input type="search" aria-label="Search messages" placeholder="Search messages in every room" autocomplete="off"
      .value=${this.query} @input=${(e: InputEvent) => (this.query = (e.target as HTMLInputElement).value)} @keydown=${this.keydown} />`
    if (!this.query.trim()) {
      const recent = recentSearches(workspace.user.doc)
      return html`${field}
        ${recent.length
          ? html`<h2 id="recent">Recent searches</h2>
              <ul aria-labelledby="recent">
                ${recent.map((text) => html`<li><button class="recent" @click=${() => this.searchFor(text)}>${text}</button></li>`)}
              </ul>`
          : null}`
    }
    const { hits, total, pending } = messageIndexOf(workspace).search(this.query)
    return html`${field}
      <p class="status" role="status">${statusLine(hits.length, total)}${pending ? ` Still reading ${pending.toLocaleString()} messages…` : ''}</p>
      <ol aria-label="Results" @keydown=${this.moveFocus}>
        ${hits.map((hit, i) => this.renderHit(workspace, hit, i === 0))}
      </ol>`
  }

  private renderHit(workspace: Workspace, hit: SearchHit, first: boolean) {
    const room = workspace.rooms().get(hit.roomId)
    const author = workspace.nameOf(hit.message.author)
    const roomName = room ? workspace.roomName(room) : ''
    return html`<li><a class=${first ? 'first' : ''} href=${messagePath(hit.roomId, hit.message.id)} data-id=${hit.message.id}
        @click=${(event: MouseEvent) => this.opened(event, hit)}>
      <span class="meta"><strong>${author}</strong><span class="room">${room?.kind === 'ping' ? roomName : `#${roomName}`}</span>
        <time datetime=${new Date(hit.message.createdAt).toISOString()}>${WHEN.format(hit.message.createdAt)}</time></span>
      <span class="excerpt">${excerpt(hit.message.body, hit.terms).map((part) => (part.hit ? html`<mark>${part.text}</mark>` : part.text))}</span>
    </a></li>`
  }

  private searchFor(text: string) {
    this.query = text
    this.input?.focus()
  }

  /** Enter opens the newest result (and remembers the search, even when nothing matched). */
  private readonly keydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Not the search field's own "clear": Esc closes the search.
      event.preventDefault()
      this.close()
    } else if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault()
      this.remember()
      this.shadowRoot?.querySelector<HTMLAnchorElement>('ol a')?.click()
    } else if (event.key === 'ArrowDown') {
      event.preventDefault()
      this.shadowRoot?.querySelector<HTMLAnchorElement>('ol a')?.focus()
    }
  }

  /** ↑/↓ move between results; ↑ from the first goes back to the field. */
  private readonly moveFocus = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const links = [...this.shadowRoot!.querySelectorAll<HTMLAnchorElement>('ol a')]
    const here = links.indexOf(this.shadowRoot!.activeElement as HTMLAnchorElement)
    const next = here + (event.key === 'ArrowDown' ? 1 : -1)
    if (next < 0) this.input.focus()
    else links[Math.min(next, links.length - 1)]?.focus()
  }

  private opened(event: MouseEvent, hit: SearchHit) {
    this.remember()
    // Ctrl/⌘-click and the like open the permalink elsewhere, as any link does.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    this.close()
    navigate(messagePath(hit.roomId, hit.message.id))
  }

  private remember() {
    if (this.workspace) rememberSearch(this.workspace.user.doc, this.query)
  }

  private shortcut(event: KeyboardEvent): void {
    if (this.open || event.defaultPrevented || event.altKey) return
    const modK = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k'
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typingIn(event)
    if (!modK && !slash) return
    event.preventDefault()
    void this.show()
  }
}

/** Is the keystroke going into something that takes text? ("/" there is a slash, not a shortcut.) */
function typingIn(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0]
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type))
}

function statusLine(shown: number, total: number): string {
  if (total === 0) return 'No messages match.'
  if (total === 1) return '1 message'
  return shown < total ? `The newest ${shown} of ${total} messages` : `${total} messages`
}

declare global {
  interface HTMLElementTagNameMap {
    'search-box': SearchBox
  }
}
