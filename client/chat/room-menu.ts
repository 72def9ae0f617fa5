/**
 * The room's notification menu in its header: my involvement in the room (Campfire's four, from
 * "every message" down to "hidden from the sidebar"). Involvement is the relay's (it writes it into
 * my user doc), so a change goes through the API and needs the network: offline, the menu says so
 * and keeps the old choice, rather than pretending.
 */
import { consume } from '@lit/context'
import { LitElement, css, html, svg, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { live } from 'lit/directives/live.js'
import type { HearthApi } from '../api/hearth-api.js'
import { explain } from '../api/online-only.js'
import { ChangeController } from '../app/change-controller.js'
import { apiContext, workspaceContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import type { Involvement } from '../workspace/directory.js'
import type { Workspace } from '../workspace/workspace.js'

const bellIcon = svg`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="currentColor"><path d="M8 1.5a4 4 0 0 0-4 4v2.4L2.6 10.6A.9.9 0 0 0 3.4 12h9.2a.9.9 0 0 0 .8-1.4L12 7.9V5.5a4 4 0 0 0-4-4zM6.3 13a1.8 1.8 0 0 0 3.4 0z"/></svg>`

/** The choices, most involved first, as the menu lists them. */
export const CHOICES: ReadonlyArray<{ value: Involvement; label: string; explanation: string }> = [
  { value: 'everything', label: 'Everything', explanation: 'Notify me about every new message.' },
  { value: 'mentions', label: 'Mentions', explanation: 'Notify me only when someone @mentions me.' },
  { value: 'nothing', label: 'Nothing', explanation: 'No notifications; the room is still marked unread.' },
  { value: 'invisible', label: 'Invisible', explanation: 'Hide the room from the sidebar; no unread mark, no notifications.' },
]

@customElement('room-menu')
export class RoomMenu extends LitElement {
  static override styles = [
    controls,
    css`
      :host { position: relative; }
      summary { list-style: none; cursor: pointer; display: inline-flex; align-items: center; gap: 0.35rem; padding: 0.3rem 0.6rem;
        border: 1px solid var(--line); border-radius: 8px; background: var(--surface); font-size: 0.85rem; color: var(--muted); }
      summary::-webkit-details-marker { display: none; }
      summary:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
      .panel { position: absolute; right: 0; top: calc(100% + 0.4rem); z-index: 5; width: min(20rem, 86vw); padding: 0.6rem; border-radius: 10px;
        background: var(--surface); border: 1px solid var(--line); box-shadow: 0 6px 20px var(--shadow); }
      fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 0.2rem; }
      legend { font-weight: 600; font-size: 0.85rem; padding: 0 0.3rem 0.4rem; }
      label { display: grid; grid-template-columns: auto 1fr; column-gap: 0.5rem; padding: 0.35rem 0.4rem; border-radius: 8px; cursor: pointer; }
      label:hover { background: var(--hover); }
      label input { grid-row: span 2; align-self: start; margin-top: 0.2rem; }
      .name { font-weight: 600; font-size: 0.9rem; }
      .explanation { color: var(--muted); font-size: 0.8rem; }
      .error { color: var(--danger); font-size: 0.8rem; margin: 0.4rem 0.3rem 0; }
      @media (max-width: 700px) { summary span { display: none; } }
    `,
  ]
  @consume({ context: apiContext }) api!: HearthApi
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @property() roomId = ''
  /** A choice on its way to the relay; shown until the user doc says so (or the call fails). */
  @state() private chosen: Involvement | undefined
  @state() private error = ''
  private readonly changes = new ChangeController(this)

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('roomId')) {
      this.chosen = undefined
      this.error = ''
    }
    if (this.chosen && this.chosen === this.involvement) this.chosen = undefined
  }

  private get involvement(): Involvement | undefined {
    return this.workspace?.rooms().get(this.roomId)?.involvement
  }

  override render() {
    this.changes.follow(this.workspace)
    const current = this.chosen ?? this.involvement
    if (!current) return null
    const label = CHOICES.find((choice) => choice.value === current)?.label ?? current
    return html`<details @keydown=${this.keydown}>
      <summary aria-label=${`Notifications: ${label}`} title="Notifications for this room">${bellIcon}<span>${label}</span></summary>
      <div class="panel">
        <fieldset @change=${this.choose}>
          <legend>Notifications for this room</legend>
          ${CHOICES.map(
            (choice) => html`<label>
              <input type="radio" name="involvement" .value=${choice.value} .checked=${live(choice.value === current)} aria-describedby=${`${choice.value}-explained`} />
              <span class="name">${choice.label}</span>
              <span class="explanation" id=${`${choice.value}-explained`}>${choice.explanation}</span>
            </label>`,
          )}
        </fieldset>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      </div>
    </details>`
  }

  private readonly choose = async (event: Event) => {
    const value = (event.target as HTMLInputElement).value as Involvement
    const roomId = this.roomId
    this.chosen = value
    this.error = ''
    try {
      await this.api.setInvolvement(roomId, value)
      if (this.roomId === roomId) this.close()
    } catch (error) {
      if (this.roomId !== roomId) return
      this.chosen = undefined
      this.error = explain(error, 'Could not change this.')
      // The radio the person clicked is checked in the DOM: live() puts back the setting that stands.
    }
  }

  private close(): void {
    const details = this.shadowRoot?.querySelector('details')
    if (details) details.open = false
  }

  private readonly keydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    this.close()
    this.shadowRoot?.querySelector('summary')?.focus()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'room-menu': RoomMenu
  }
}
