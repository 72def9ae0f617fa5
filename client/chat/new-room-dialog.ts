/**
 * Creating a room (open to everyone, or closed with chosen members) or starting a ping. Rooms are
 * created by the relay (it owns memberships), so this needs the network; the new room then arrives
 * through the user doc like any other.
 */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { HearthApi } from '../api/hearth-api.js'
import { explain } from '../api/online-only.js'
import { apiContext, workspaceContext } from '../app/contexts.js'
import { navigate, roomPath } from '../app/routes.js'
import { controls, dialogForm } from '../app/shared-styles.js'
import type { Workspace } from '../workspace/workspace.js'

@customElement('new-room-dialog')
export class NewRoomDialog extends LitElement {
  static override styles = [
    controls,
    dialogForm,
    css`
      dialog { width: min(26rem, 92vw); }
    `,
  ]
  @consume({ context: apiContext }) api!: HearthApi
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @property() mode: 'room' | 'ping' = 'room'
  @state() private kind: 'open' | 'closed' = 'open'
  @state() private error = ''
  @query('dialog') private dialog!: HTMLDialogElement

  override firstUpdated(): void {
    this.dialog.showModal()
  }

  override render() {
    const people = [...(this.workspace?.people().values() ?? [])].filter((person) => person.id !== this.workspace?.me.id)
    const picking = this.mode === 'ping' || this.kind === 'closed'
    return html`<dialog @close=${this.closed} aria-labelledby="title">
      <form @submit=${this.submit}>
        <h2 id="title">${this.mode === 'ping' ? 'Start a ping' : 'Create a room'}</h2>
        ${this.mode === 'room'
          ? html`<label>Name <input name="name" required maxlength="80" autofocus /></label>
              <div class="kinds" role="radiogroup" aria-label="Who can join">
                <label><input type="radio" name="kind" value="open" ?checked=${this.kind === 'open'} @change=${() => (this.kind = 'open')} /> Everyone</label>
                <label><input type="radio" name="kind" value="closed" ?checked=${this.kind === 'closed'} @change=${() => (this.kind = 'closed')} /> Only people I choose</label>
              </div>`
          : null}
        ${picking
          ? html`<fieldset><legend>${this.mode === 'ping' ? 'With' : 'Members'}</legend>
              ${people.length ? people.map((person) => html`<label><input type="checkbox" name="member" value=${person.id} /> ${person.name}</label>`) : html`<span>Nobody else has joined yet.</span>`}
            </fieldset>`
          : null}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>Cancel</button>
          <button class="primary" type="submit">${this.mode === 'ping' ? 'Start' : 'Create'}</button>
        </div>
      </form>
    </dialog>`
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    const members = form.getAll('member').map(String)
    try {
      const created =
        this.mode === 'ping'
          ? await this.api.startPing(members)
          : await this.api.createRoom({ name: String(form.get('name')).trim(), kind: this.kind, members })
      this.dialog.close()
      navigate(roomPath(created.id))
    } catch (error) {
      this.error = explain(error, this.mode === 'ping' ? 'Could not start the ping.' : 'Could not create the room.')
    }
  }

  private closed() {
    this.dispatchEvent(new Event('close'))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'new-room-dialog': NewRoomDialog
  }
}
