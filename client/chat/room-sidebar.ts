/**
 * The room list: pings as avatars on top, then shared rooms alphabetically, each with an unread
 * mark; buttons to create a room and to start a ping; who I am and signing out at the bottom.
 */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { ChangeController } from '../app/change-controller.js'
import { workspaceContext } from '../app/contexts.js'
import { roomPath } from '../app/routes.js'
import { controls } from '../app/shared-styles.js'
import type { Workspace } from '../workspace/workspace.js'
import { avatar, avatarStyles, faceOf } from './avatar.js'
import { lockIcon } from './icons.js'
import './connection-status.js'
import './new-room-dialog.js'
import './search-box.js'
import './hidden-rooms.js'
import './notifications-button.js'

@customElement('room-sidebar')
export class RoomSidebar extends LitElement {
  static override styles = [
    controls,
    avatarStyles,
    css`
      :host { display: flex; flex-direction: column; background: var(--sidebar); overflow: hidden; }
      header { padding: 0.9rem 1rem 0.6rem; display: grid; gap: 0.3rem; }
      .brand { display: flex; align-items: center; gap: 0.5rem; font-weight: 700; font-size: 1.05rem; }
      .brand img { width: 1.4rem; height: 1.4rem; }
      nav { flex: 1; overflow-y: auto; padding: 0 0.5rem 1rem; }
      h2 { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 1rem 0.5rem 0.4rem; display: flex; justify-content: space-between; align-items: center; }
      h2 button { padding: 0.1rem 0.5rem; font-size: 0.8rem; }
      .pings { display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0 0.5rem; }
      .ping { position: relative; text-decoration: none; }
      .avatar { width: 2.3rem; height: 2.3rem; border-radius: 50%; display: grid; place-items: center; font-weight: 700; font-size: 0.85rem;
        color: #fff; background: hsl(var(--hue) 55% 45%); }
      .ping[aria-current='page'] .avatar { outline: 2px solid var(--accent); outline-offset: 2px; }
      ul { list-style: none; margin: 0; padding: 0; }
      li a { display: flex; align-items: center; gap: 0.5rem; padding: 0.42rem 0.6rem; border-radius: 8px; color: var(--text); text-decoration: none; }
      li a:hover { background: var(--hover); }
      li a[aria-current='page'] { background: var(--selected); font-weight: 600; }
      .lock { color: var(--muted); font-size: 0.8rem; width: 0.9rem; display: inline-grid; place-items: center; }
      .unread { font-weight: 700; }
      .mark { width: 0.5rem; height: 0.5rem; border-radius: 50%; background: var(--accent); margin-left: auto; }
      .ping .mark { position: absolute; top: 0; right: 0; border: 2px solid var(--sidebar); }
      .notifications { padding: 0.6rem 1rem; border-top: 1px solid var(--line); }
      .notifications[hidden] { display: none; }
      footer { border-top: 1px solid var(--line); padding: 0.7rem 1rem; display: flex; align-items: center; gap: 0.5rem; }
      footer .avatar { width: 1.9rem; height: 1.9rem; font-size: 0.75rem; }
      footer .me { flex: 1; min-width: 0; display: flex; align-items: center; gap: 0.5rem; font-weight: 600; color: var(--text); text-decoration: none; }
      footer .me span:last-child { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .account { display: block; padding: 0.5rem 1rem; border-top: 1px solid var(--line); color: var(--accent-text); font-size: 0.85rem; text-decoration: none; }
      .account[aria-current='page'], .me[aria-current='page'] { background: var(--selected); }
      footer button { font-size: 0.8rem; padding: 0.3rem 0.6rem; }
    `,
  ]
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @property() selected: string | undefined
  @state() private creating: 'room' | 'ping' | undefined
  private readonly changes = new ChangeController(this)

  override render() {
    this.changes.follow(this.workspace)
    const workspace = this.workspace
    if (!workspace) return null
    const { pings, shared } = workspace.sidebar()
    return html`
      <header>
        <div class="brand"><img src="/icon.svg" alt="" />Hearth</div>
        <connection-status></connection-status>
        <search-box></search-box>
      </header>
      <nav aria-label="Rooms">
        <h2>Pings <button @click=${() => (this.creating = 'ping')} aria-label="Start a ping">+</button></h2>
        <div class="pings">
          ${pings.map((room) => {
            const name = workspace.roomName(room)
            const unread = workspace.unread(room.id)
            const other = room.members.find((id) => id !== workspace.me.id) ?? room.id
            return html`<a class="ping" href=${roomPath(room.id)} title=${name} aria-label=${`Ping with ${name}${unread ? ', unread' : ''}`}
              aria-current=${this.selected === room.id ? 'page' : 'false'}>
              ${avatar({ ...faceOf(workspace, other), name })}
              ${unread ? html`<span class="mark" aria-hidden="true"></span>` : null}
            </a>`
          })}
        </div>
        <h2>Rooms <button @click=${() => (this.creating = 'room')} aria-label="Create a room">+</button></h2>
        <ul>
          ${shared.map((room) => {
            const unread = workspace.unread(room.id)
            return html`<li><a href=${roomPath(room.id)} class=${unread ? 'unread' : ''} aria-current=${this.selected === room.id ? 'page' : 'false'}
              aria-label=${`${workspace.roomName(room)}${unread ? ', unread' : ''}`}>
              <span class="lock" aria-hidden="true">${room.kind === 'closed' ? lockIcon : '#'}</span>
              <span>${workspace.roomName(room)}</span>
              ${unread ? html`<span class="mark" aria-hidden="true"></span>` : null}
            </a></li>`
          })}
        </ul>
        <hidden-rooms .selected=${this.selected}></hidden-rooms>
      </nav>
      <notifications-button class="notifications"></notifications-button>
      <a class="account" href="/account" aria-current=${this.selected === '/account' ? 'page' : 'false'}>Account and people</a>
      <footer>
        <a class="me" href="/profile" aria-label="Your profile" title="Your profile" aria-current=${this.selected === '/profile' ? 'page' : 'false'}>${avatar(faceOf(workspace, workspace.me.id))}<span>${workspace.nameOf(workspace.me.id)}</span></a>
        <button @click=${this.signOut}>Sign out</button>
      </footer>
      ${this.creating
        ? html`<new-room-dialog .mode=${this.creating} @close=${() => (this.creating = undefined)}></new-room-dialog>`
        : null}
    `
  }

  private signOut() {
    this.dispatchEvent(new Event('sign-out', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'room-sidebar': RoomSidebar
  }
}
