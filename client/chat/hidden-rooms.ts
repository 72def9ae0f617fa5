/**
 * Rooms I made invisible, under the room list as "2 hidden rooms": out of the way, but a person
 * can always get back to one and change their mind in its menu.
 */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { ChangeController } from '../app/change-controller.js'
import { workspaceContext } from '../app/contexts.js'
import { roomPath } from '../app/routes.js'
import type { Workspace } from '../workspace/workspace.js'

@customElement('hidden-rooms')
export class HiddenRooms extends LitElement {
  static override styles = css`
    :host { display: block; }
    summary { cursor: pointer; color: var(--muted); font-size: 0.8rem; padding: 0.5rem 0.6rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    a { display: block; padding: 0.35rem 0.6rem 0.35rem 1.4rem; border-radius: 8px; color: var(--muted); text-decoration: none; }
    a:hover { background: var(--hover); }
    a[aria-current='page'] { background: var(--selected); color: var(--text); }
  `
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @property() selected: string | undefined
  private readonly changes = new ChangeController(this)

  override render() {
    this.changes.follow(this.workspace)
    const workspace = this.workspace
    if (!workspace) return null
    const { hidden } = workspace.sidebar()
    if (hidden.length === 0) return null
    // Open while one of them is the room on screen, so the sidebar shows where the person is.
    return html`<details ?open=${hidden.some((room) => room.id === this.selected)}>
      <summary>${hidden.length === 1 ? '1 hidden room' : `${hidden.length} hidden rooms`}</summary>
      <ul>
        ${hidden.map(
          (room) => html`<li><a href=${roomPath(room.id)} aria-current=${this.selected === room.id ? 'page' : 'false'}>${workspace.roomName(room)}</a></li>`,
        )}
      </ul>
    </details>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hidden-rooms': HiddenRooms
  }
}
