/**
 * A room's settings, behind a gear in its header: rename, open or close, choose a closed room's
 * members, delete. Shown to administrators and the room's creator (and, for a ping, to its members,
 * who may only delete it). The relay owns rooms and memberships, so every change is a request to it
 * and this works only online; the result comes back to everyone through their user docs.
 */
import { consume } from '@lit/context'
import { LitElement, css, html, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { HearthApi, Room } from '../api/hearth-api.js'
import { explain, offline, OFFLINE_NOTE } from '../api/online-only.js'
import { apiContext, workspaceContext } from '../app/contexts.js'
import { ChangeController } from '../app/change-controller.js'
import { navigate } from '../app/routes.js'
import { controls, dialogForm } from '../app/shared-styles.js'
import type { RoomEntry } from '../workspace/directory.js'
import { mayDeleteRoom, mayManageRoom } from '../workspace/permissions.js'
import type { Workspace } from '../workspace/workspace.js'

@customElement('room-settings')
export class RoomSettings extends LitElement {
  static override styles = [
    controls,
    dialogForm,
    css`
      :host { display: inline-flex; }
      .gear { padding: 0.2rem 0.5rem; font-size: 1rem; line-height: 1; }
      .delete { border-top: 1px solid var(--line); padding-top: 0.9rem; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
      .delete p { margin: 0; flex: 1; }
      button.danger { color: var(--danger); border-color: var(--danger); }
      .note { color: var(--muted); margin: 0; }
    `,
  ]
  @consume({ context: apiContext }) api!: HearthApi
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @property() roomId = ''
  @state() private showing = false
  /** The room as the relay has it right now (members included), fetched when the dialog opens. */
  @state() private room: Room | undefined
  @state() private kind: 'open' | 'closed' = 'open'
  @state() private error = ''
  @state() private busy = false
  @state() private confirmingDelete = false
  @query('dialog') private dialog?: HTMLDialogElement
  private readonly changes = new ChangeController(this)

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('roomId')) this.showing = false
  }

  override render() {
    this.changes.follow(this.workspace)
    const workspace = this.workspace
    const entry = workspace?.rooms().get(this.roomId)
    if (!workspace || !entry || !mayDeleteRoom(workspace, entry)) return null
    return html`<button class="gear" aria-label="Room settings" title="Room settings" aria-haspopup="dialog" @click=${this.show}>⚙</button>
      ${this.showing ? this.renderDialog(workspace, entry) : null}`
  }

  override updated(): void {
    if (this.showing && this.dialog && !this.dialog.open) this.dialog.showModal()
  }

  private renderDialog(workspace: Workspace, entry: RoomEntry) {
    const title = entry.kind === 'ping' ? `Ping with ${workspace.roomName(entry)}` : `Settings for #${workspace.roomName(entry)}`
    const manage = mayManageRoom(workspace, entry)
    return html`<dialog @close=${() => (this.showing = false)} aria-labelledby="settings-title">
      <form @submit=${this.save}>
        <h2 id="settings-title">${title}</h2>
        ${manage ? this.renderFields(workspace) : html`<p class="note">A ping has no settings; any of its people may delete it.</p>`}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        <div class="actions">
          <button type="button" @click=${() => this.dialog?.close()}>${manage ? 'Cancel' : 'Close'}</button>
          ${manage ? html`<button class="primary" type="submit" ?disabled=${this.busy || !this.room}>Save</button>` : null}
        </div>
        <div class="delete">
          ${this.confirmingDelete
            ? html`<p>${entry.kind === 'ping' ? 'Delete this ping for everyone?' : `Delete #${workspace.roomName(entry)} for everyone?`}</p>
                <button type="button" @click=${() => (this.confirmingDelete = false)}>Keep it</button>
                <button type="button" class="danger" ?disabled=${this.busy} @click=${this.deleteRoom}>Delete for everyone</button>`
            : html`<button type="button" class="danger" @click=${() => (this.confirmingDelete = true)}>${entry.kind === 'ping' ? 'Delete ping…' : 'Delete room…'}</button>`}
        </div>
      </form>
    </dialog>`
  }

  private renderFields(workspace: Workspace) {
    const room = this.room
    if (!room) return this.error ? null : html`<p class="note" role="status">Loading…</p>`
    const people = [...workspace.people().values()].filter((person) => person.status === 'active')
    return html`<label>Name <input name="name" required maxlength="100" .value=${room.name} /></label>
      <div class="kinds" role="radiogroup" aria-label="Who can join">
        <label><input type="radio" name="kind" value="open" .checked=${this.kind === 'open'} @change=${() => (this.kind = 'open')} /> Everyone</label>
        <label><input type="radio" name="kind" value="closed" .checked=${this.kind === 'closed'} @change=${() => (this.kind = 'closed')} /> Only people I choose</label>
      </div>
      ${this.kind === 'closed'
        ? html`<fieldset><legend>Members</legend>
            ${people.map((person) => html`<label><input type="checkbox" name="member" value=${person.id} .checked=${room.members.includes(person.id)} /> ${person.name}</label>`)}
          </fieldset>`
        : null}`
  }

  private async show() {
    this.showing = true
    this.room = undefined
    this.error = offline() ? OFFLINE_NOTE : ''
    this.confirmingDelete = false
    const entry = this.workspace?.rooms().get(this.roomId)
    if (!entry || !this.workspace || !mayManageRoom(this.workspace, entry)) return
    try {
      const room = await this.api.room(this.roomId)
      this.room = room
      this.kind = room.kind === 'closed' ? 'closed' : 'open'
      this.error = ''
    } catch (error) {
      this.error = explain(error, 'Could not load the room.')
    }
  }

  private async save(event: SubmitEvent) {
    event.preventDefault()
    const room = this.room
    if (!room || this.busy) return
    const form = new FormData(event.target as HTMLFormElement)
    const name = String(form.get('name') ?? '').trim()
    const changes: { name?: string; kind?: 'open' | 'closed' } = {}
    if (name !== room.name) changes.name = name
    if (this.kind !== room.kind) changes.kind = this.kind
    this.busy = true
    try {
      const updated = Object.keys(changes).length ? await this.api.updateRoom(room.id, changes) : room
      if (this.kind === 'closed') {
        const members = form.getAll('member').map(String).sort()
        if (members.join() !== [...updated.members].sort().join()) await this.api.setRoomMembers(room.id, members)
      }
      this.dialog?.close()
    } catch (error) {
      this.error = explain(error, 'Could not save the settings.')
    } finally {
      this.busy = false
    }
  }

  private async deleteRoom() {
    this.busy = true
    try {
      await this.api.deleteRoom(this.roomId)
      this.dialog?.close()
      navigate('/')
    } catch (error) {
      this.error = explain(error, 'Could not delete the room.')
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'room-settings': RoomSettings
  }
}
