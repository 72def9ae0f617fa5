/**
 * "Here now": the other people who have this room open, as avatars in the room's header (names in
 * a tooltip and for screen readers), each once however many tabs they have. It also keeps this
 * tab's own presence: the room is announced while it is on screen in a visible page and withdrawn
 * when the page is hidden or closed, or this element leaves (another page, signing out).
 */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { ChangeController } from '../app/change-controller.js'
import { ListenerController } from '../app/listener-controller.js'
import { workspaceContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import type { Workspace } from '../workspace/workspace.js'
import { avatar, avatarStyles, faceOf } from './avatar.js'

/** Faces shown before the rest become "+N". */
const MAX_FACES = 6

@customElement('room-presence')
export class RoomPresence extends LitElement {
  static override styles = [
    controls,
    avatarStyles,
    css`
      :host { display: flex; align-items: center; gap: 0.4rem; font-size: 0.72rem; color: var(--muted); }
      ul { display: flex; list-style: none; margin: 0; padding: 0; }
      li { margin-left: -0.3rem; }
      li:first-child { margin-left: 0; }
      .avatar { width: 1.6rem; height: 1.6rem; border-radius: 50%; display: grid; place-items: center; color: #fff; font-weight: 700;
        font-size: 0.62rem; background: hsl(var(--hue) 55% 45%); box-shadow: 0 0 0 2px var(--bg); }
      .more { background: var(--line); color: var(--text); }
    `,
  ]
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @property() roomId = ''
  private readonly changes = new ChangeController(this)
  private readonly pageShown = new ListenerController(this, window, 'pageshow', () => this.announce())
  private readonly visibility = new ListenerController(this, document, 'visibilitychange', () => this.announce())
  private readonly pageHidden = new ListenerController(this, window, 'pagehide', () => this.leave())

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.leave()
  }

  override render() {
    this.changes.follow(this.workspace)
    const workspace = this.workspace
    const here = workspace?.here(this.roomId) ?? []
    if (!workspace || here.length === 0) return null
    const shown = here.length > MAX_FACES ? here.slice(0, MAX_FACES - 1) : here
    const rest = here.length - shown.length
    return html`<span aria-hidden="true">Here now</span>
      <ul aria-label="Here now">
        ${shown.map((id) => {
          const name = workspace.nameOf(id)
          return html`<li title=${name} data-user=${id}>${avatar(faceOf(workspace, id))}<span class="visually-hidden">${name}</span></li>`
        })}
        ${rest ? html`<li title=${here.slice(shown.length).map((id) => workspace.nameOf(id)).join(', ')}><span class="avatar more">+${rest}</span></li>` : null}
      </ul>`
  }

  /** Every render: the room may have changed, or its doc only now opened. */
  override updated(): void {
    this.announce()
  }

  private announce(): void {
    this.workspace?.view(document.visibilityState === 'visible' && this.roomId ? this.roomId : undefined)
  }

  private leave(): void {
    this.workspace?.view(undefined)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'room-presence': RoomPresence
  }
}
