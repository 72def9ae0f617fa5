/**
 * The signed-in app: the sidebar and the open room side by side; on a phone, one at a time
 * (the room, with a button back to the list).
 */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { AttentionController } from '../attention/attention-controller.js'
import { ChangeController } from '../app/change-controller.js'
import { ListenerController } from '../app/listener-controller.js'
import { workspaceContext } from '../app/contexts.js'
import { navigate, roomPath } from '../app/routes.js'
import type { Workspace } from '../workspace/workspace.js'
import './room-sidebar.js'
import './room-view.js'
import '../people/account-page.js'
import '../people/profile-page.js'

@customElement('chat-shell')
export class ChatShell extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template-columns: 17rem 1fr; height: 100dvh; overflow: hidden; }
    room-sidebar { border-right: 1px solid var(--line); min-height: 0; }
    main { min-width: 0; min-height: 0; display: grid; }
    room-view { min-width: 0; min-height: 0; }
    .empty { display: grid; place-items: center; color: var(--muted); }
    @media (max-width: 700px) {
      :host { grid-template-columns: 1fr; }
      :host([roomid]) room-sidebar, :host([page]) room-sidebar { display: none; }
      :host(:not([roomid]):not([page])) main { display: none; }
    }
  `
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @property({ reflect: true, attribute: 'roomid' }) roomId: string | undefined
  @property() messageId: string | undefined
  /** Instead of a room: my profile or the account page (beside the sidebar). */
  @property({ reflect: true }) page: 'profile' | 'account' | undefined
  private readonly changes = new ChangeController(this)
  private readonly attention = new AttentionController(this)
  private readonly shortcuts = new ListenerController(this, window, 'keydown', (event) => this.shortcut(event))

  /** Alt+↑ / Alt+↓ move to the previous / next room in sidebar order, as in Campfire. */
  private shortcut(event: KeyboardEvent): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || !this.workspace) return
    const { pings, shared } = this.workspace.sidebar()
    const order = [...pings, ...shared].map((room) => room.id)
    if (order.length === 0) return
    event.preventDefault()
    const here = this.roomId === undefined ? -1 : order.indexOf(this.roomId)
    const next = event.key === 'ArrowDown' ? (here + 1) % order.length : (here - 1 + order.length) % order.length
    navigate(roomPath(order[next]!))
  }

  override updated(): void {
    // With no room chosen on a wide screen, open the first shared room ("All Talk" on a new account).
    if (this.roomId || this.page || !this.workspace || matchMedia('(max-width: 700px)').matches) return
    const rooms = [...this.workspace.rooms().values()].filter((room) => room.kind !== 'ping' && room.involvement !== 'invisible')
    const first = rooms.find((room) => room.name === 'All Talk') ?? rooms[0]
    if (first) navigate(roomPath(first.id), { replace: true })
  }

  override render() {
    this.changes.follow(this.workspace)
    this.attention.follow(this.workspace)
    const known = this.roomId !== undefined && this.workspace?.rooms().has(this.roomId)
    return html`
      <room-sidebar .selected=${this.page ? `/${this.page}` : this.roomId}></room-sidebar>
      <main>
        ${this.page === 'profile'
          ? html`<profile-page></profile-page>`
          : this.page === 'account'
            ? html`<account-page></account-page>`
            : known
              ? html`<room-view .roomId=${this.roomId!} .messageId=${this.messageId}></room-view>`
              : html`<p class="empty">${this.roomId ? 'This room is not available to you.' : 'Pick a room'}</p>`}
      </main>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-shell': ChatShell
  }
}
