/**
 * The account page (/account): the account's name and who may create rooms, the join link, and
 * the people with their roles and status. Everyone sees it; administrators also edit the account,
 * share the link and act on people (role, deactivate, ban, a sign-in link to help someone back in),
 * each asked once more before it happens, never on themselves. The relay decides all of it (the
 * controls only hide what it would refuse); offline, the people come from the account doc.
 */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { AccountSettings, HearthApi, User } from '../api/hearth-api.js'
import { explain } from '../api/online-only.js'
import { ChangeController } from '../app/change-controller.js'
import { apiContext, workspaceContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { avatar, avatarStyles } from '../chat/avatar.js'
import { isAdministrator, mayModerate } from '../workspace/permissions.js'
import type { Workspace } from '../workspace/workspace.js'
import './join-link.js'
import { pageStyles } from './people-styles.js'
import { statusLine, type Status } from './status-line.js'

type Action = 'deactivate' | 'ban'
const ASK: Record<Action, (name: string) => string> = {
  deactivate: (name) => `Deactivate ${name}? They are signed out and can no longer get in; their messages stay.`,
  ban: (name) => `Ban ${name}? They are signed out, their messages are removed, and the addresses they used are blocked.`,
}

@customElement('account-page')
export class AccountPage extends LitElement {
  static override styles = [
    controls,
    avatarStyles,
    pageStyles,
    css`
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.2rem; }
      li { display: grid; grid-template-columns: 2.2rem 1fr auto; gap: 0.2rem 0.7rem; align-items: center; padding: 0.45rem 0; border-top: 1px solid var(--line); }
      li:first-child { border-top: none; }
      li .avatar { width: 2.2rem; height: 2.2rem; border-radius: 50%; display: grid; place-items: center; color: #fff; font-weight: 700;
        font-size: 0.8rem; background: hsl(var(--hue) 55% 45%); grid-row: span 2; }
      .who { display: grid; }
      .who small { color: var(--muted); }
      li.inactive .who { opacity: 0.6; }
      .actions { display: flex; gap: 0.4rem; flex-wrap: wrap; justify-content: flex-end; }
      .actions button, .actions select { font-size: 0.82rem; padding: 0.25rem 0.55rem; }
      .more { grid-column: 2 / -1; display: flex; gap: 0.4rem; flex-wrap: wrap; align-items: center; font-size: 0.85rem; }
      .more input { flex: 1; min-width: 12rem; font-size: 0.82rem; padding: 0.3rem 0.5rem; }
    `,
  ]
  @consume({ context: apiContext }) api!: HearthApi
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @state() private settings: AccountSettings | undefined
  /** From the relay; until then (or offline) the account doc's copy stands in. */
  @state() private users: User[] | undefined
  /** What the last load or action came to. */
  @state() private status: Status
  @state() private confirming: { id: string; action: Action } | undefined
  @state() private transfer: { id: string; url: string } | undefined
  private readonly changes = new ChangeController(this)
  /** How many people the account doc listed when the list was last fetched: a join fetches it again. */
  private peopleSeen = 0

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  override willUpdate(): void {
    const count = this.workspace?.people().size ?? 0
    if (this.users && count !== this.peopleSeen) void this.load()
  }

  private async load() {
    this.peopleSeen = this.workspace?.people().size ?? 0
    try {
      ;[this.settings, this.users] = await Promise.all([this.api.account(), this.api.users()])
      if (this.status?.tone === 'error') this.status = undefined
    } catch (error) {
      this.status = { tone: 'error', text: explain(error, 'Could not load the account.') }
    }
  }

  override render() {
    this.changes.follow(this.workspace)
    const workspace = this.workspace
    if (!workspace) return null
    const admin = isAdministrator(workspace)
    const name = this.settings?.name ?? String(workspace.account.doc.getMap('account').get('name') ?? 'Hearth')
    return html`<div class="page">
      <header><a href="/" aria-label="All rooms">‹ Rooms</a><h1>${name}</h1></header>
      ${statusLine(this.status)}
      ${admin && this.settings ? this.renderSettings(this.settings) : null}
      ${admin && this.settings?.joinCode
        ? html`<section aria-labelledby="join-title"><h2 id="join-title">Invite people</h2>
            <p class="note">Anyone with this link can join ${name}.</p>
            <join-link .code=${this.settings.joinCode}></join-link></section>`
        : null}
      <section aria-labelledby="people-title"><h2 id="people-title">People</h2>
        <ul aria-labelledby="people-title">${this.people(workspace).map((user) => this.renderPerson(workspace, user))}</ul>
      </section>
    </div>`
  }

  private renderSettings(settings: AccountSettings) {
    return html`<section aria-labelledby="account-title"><h2 id="account-title">Account</h2>
      <form @submit=${this.rename}>
        <label>Account name <span class="row"><input name="name" required maxlength="100" .value=${settings.name} /><button>Save name</button></span></label>
      </form>
      <label>Who may create rooms
        <select @change=${this.setRoomCreation} .value=${settings.roomCreation}>
          <option value="everyone" ?selected=${settings.roomCreation === 'everyone'}>Everyone</option>
          <option value="administrators" ?selected=${settings.roomCreation === 'administrators'}>Administrators only</option>
        </select>
      </label>
    </section>`
  }

  private people(workspace: Workspace): User[] {
    const users =
      this.users ??
      [...workspace.people().values()].map((person) => ({ ...person, avatar: person.avatar ?? null }) as User)
    const rank = (user: User) => (user.status === 'active' ? 0 : 1)
    return [...users].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
  }

  private renderPerson(workspace: Workspace, user: User) {
    const me = user.id === workspace.me.id
    const moderate = mayModerate(workspace, user)
    const role = user.role === 'administrator' ? 'Administrator' : user.role === 'bot' ? 'Bot' : 'Member'
    const status = user.status === 'active' ? '' : user.status === 'banned' ? ', banned' : ', deactivated'
    const asking = this.confirming?.id === user.id ? this.confirming.action : undefined
    return html`<li class=${user.status === 'active' ? '' : 'inactive'} data-user=${user.id} aria-label=${`${user.name}${me ? ' (you)' : ''}`}>
      ${avatar(user)}
      <span class="who"><strong>${user.name}${me ? ' (you)' : ''}</strong><small class="status">${role}${status}</small></span>
      <span class="actions">${moderate
        ? html`${user.role === 'bot'
            ? null
            : html`<select aria-label=${`Role of ${user.name}`} .value=${user.role} @change=${(e: Event) => this.setRole(user, (e.target as HTMLSelectElement).value)}>
                <option value="member" ?selected=${user.role === 'member'}>Member</option>
                <option value="administrator" ?selected=${user.role === 'administrator'}>Administrator</option>
              </select>`}
            <button type="button" @click=${() => this.signInLink(user)}>Sign-in link</button>
            <button type="button" class="danger" @click=${() => (this.confirming = { id: user.id, action: 'deactivate' })}>Deactivate…</button>
            <button type="button" class="danger" @click=${() => (this.confirming = { id: user.id, action: 'ban' })}>Ban…</button>`
        : null}</span>
      ${asking
        ? html`<div class="more"><span>${ASK[asking](user.name)}</span>
            <button type="button" @click=${() => (this.confirming = undefined)}>Cancel</button>
            <button type="button" class="danger" @click=${() => this.act(user, asking)}>${asking === 'ban' ? `Ban ${user.name}` : `Deactivate ${user.name}`}</button></div>`
        : null}
      ${this.transfer?.id === user.id
        ? html`<div class="more"><label class="visually-hidden" for="transfer-${user.id}">Sign-in link for ${user.name}</label>
            <input id="transfer-${user.id}" readonly .value=${this.transfer.url} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
            <span class="note">Works once, within 4 hours. Send it to ${user.name} yourself.</span></div>`
        : null}
    </li>`
  }

  private async attempt(work: () => Promise<unknown>, done: string, failed: string) {
    this.status = undefined
    try {
      await work()
      this.status = { tone: 'ok', text: done }
    } catch (error) {
      this.status = { tone: 'error', text: explain(error, failed) }
    }
  }

  private rename(event: SubmitEvent) {
    event.preventDefault()
    const name = String(new FormData(event.target as HTMLFormElement).get('name') ?? '').trim()
    return this.attempt(async () => (this.settings = { ...this.settings, ...(await this.api.updateAccount({ name })) }), 'Account name saved.', 'Could not rename the account.')
  }

  private setRoomCreation(event: Event) {
    const roomCreation = (event.target as HTMLSelectElement).value === 'administrators' ? 'administrators' : 'everyone'
    return this.attempt(async () => (this.settings = { ...this.settings, ...(await this.api.updateAccount({ roomCreation })) }), 'Saved who may create rooms.', 'Could not change that.')
  }

  private setRole(user: User, value: string) {
    const role = value === 'administrator' ? 'administrator' : 'member'
    return this.attempt(async () => this.replace(await this.api.setRole(user.id, role)), `${user.name} is now ${role === 'administrator' ? 'an administrator' : 'a member'}.`, 'Could not change the role.')
  }

  private act(user: User, action: Action) {
    this.confirming = undefined
    const work = action === 'ban' ? () => this.api.ban(user.id) : () => this.api.deactivate(user.id)
    return this.attempt(async () => this.replace(await work()), action === 'ban' ? `${user.name} is banned.` : `${user.name} is deactivated.`, `Could not ${action} ${user.name}.`)
  }

  private signInLink(user: User) {
    return this.attempt(async () => {
      const { path } = await this.api.transferLink(user.id)
      this.transfer = { id: user.id, url: `${location.origin}${path}` }
    }, `A sign-in link for ${user.name} is ready.`, 'Could not make a sign-in link.')
  }

  private replace(user: User) {
    this.users = (this.users ?? []).map((old) => (old.id === user.id ? user : old))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'account-page': AccountPage
  }
}
