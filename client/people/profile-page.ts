/**
 * My profile (/profile): name, bio, picture and password. The relay keeps people (PATCH /api/me,
 * PUT /api/me/avatar), so this works online only; the new name and picture reach everyone through
 * the account doc. Without a picture, initials stand in, as everywhere.
 */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { HearthApi, Profile } from '../api/hearth-api.js'
import { explain } from '../api/online-only.js'
import { apiContext, workspaceContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { avatar, avatarStyles } from '../chat/avatar.js'
import type { Workspace } from '../workspace/workspace.js'
import { pageStyles } from './people-styles.js'
import { statusLine, type Status } from './status-line.js'

/** What the relay takes as an avatar (docs/API.md). */
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif']
export const AVATAR_MAX_BYTES = 512 * 1024

/** Why a file cannot be a picture, or undefined when it can. */
function avatarProblem(file: { type: string; size: number }): string | undefined {
  if (!AVATAR_TYPES.includes(file.type)) return 'Pick a PNG, JPEG, WebP or GIF image.'
  if (file.size > AVATAR_MAX_BYTES) return 'That image is bigger than 512 KiB; pick a smaller one.'
  return undefined
}

@customElement('profile-page')
export class ProfilePage extends LitElement {
  static override styles = [
    controls,
    avatarStyles,
    pageStyles,
    css`
      .face { display: flex; align-items: center; gap: 1rem; }
      .face .avatar { width: 4.5rem; height: 4.5rem; border-radius: 50%; display: grid; place-items: center; color: #fff; font-weight: 700;
        font-size: 1.4rem; background: hsl(var(--hue) 55% 45%); flex: none; }
    `,
  ]
  @consume({ context: apiContext }) api!: HearthApi
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @state() private profile: Profile | undefined
  @state() private loadProblem = ''
  @state() private picture: Status
  @state() private details: Status
  @state() private password: Status

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load() {
    try {
      this.profile = await this.api.profile()
      this.loadProblem = ''
    } catch (error) {
      this.loadProblem = explain(error, 'Could not load your profile.')
    }
  }

  override render() {
    const profile = this.profile
    return html`<div class="page">
      <header><a href="/" aria-label="All rooms">‹ Rooms</a><h1>Your profile</h1></header>
      ${this.loadProblem ? html`<p class="error" role="alert">${this.loadProblem}</p>` : null}
      ${profile ? this.renderProfile(profile) : this.loadProblem ? null : html`<p class="note" role="status">Loading…</p>`}
    </div>`
  }

  private renderProfile(profile: Profile) {
    return html`<section aria-labelledby="picture">
        <h2 id="picture">Picture</h2>
        <div class="face">
          ${avatar({ id: profile.id, name: profile.name, avatar: profile.avatar })}
          <label>Upload a picture <input type="file" accept=${AVATAR_TYPES.join(',')} @change=${this.upload} /></label>
        </div>
        <p class="note">PNG, JPEG, WebP or GIF, at most 512 KiB. Without one, your initials stand in.</p>
        ${statusLine(this.picture)}
      </section>
      <section aria-labelledby="details">
        <h2 id="details">Name and bio</h2>
        <form @submit=${this.saveDetails}>
          <label>Name <input name="name" required maxlength="100" autocomplete="name" .value=${profile.name} /></label>
          <label>Bio <textarea name="bio" maxlength="1000" .value=${profile.bio}></textarea></label>
          <div class="row"><button class="primary">Save</button></div>
          ${statusLine(this.details)}
        </form>
      </section>
      <section aria-labelledby="password">
        <h2 id="password">Password</h2>
        <form @submit=${this.savePassword}>
          <input type="email" autocomplete="username" .value=${profile.email} hidden readonly />
          <label>New password <input name="password" type="password" required minlength="8" maxlength="200" autocomplete="new-password" /></label>
          <p class="note">Changing it signs you out everywhere else.</p>
          <div class="row"><button class="primary">Change password</button></div>
          ${statusLine(this.password)}
        </form>
      </section>`
  }

  private async upload(event: Event) {
    const input = event.target as HTMLInputElement
    const file = input.files?.[0]
    if (!file) return
    const problem = avatarProblem(file)
    if (problem) {
      this.picture = { tone: 'error', text: problem }
      input.value = ''
      return
    }
    try {
      const user = await this.api.uploadAvatar(file)
      if (this.profile) this.profile = { ...this.profile, avatar: user.avatar }
      this.picture = { tone: 'ok', text: 'Picture updated.' }
    } catch (error) {
      this.picture = { tone: 'error', text: explain(error, 'Could not upload the picture.') }
    }
    input.value = ''
  }

  private async saveDetails(event: SubmitEvent) {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    try {
      this.profile = await this.api.updateProfile({ name: String(form.get('name') ?? '').trim(), bio: String(form.get('bio') ?? '') })
      this.details = { tone: 'ok', text: 'Saved.' }
    } catch (error) {
      this.details = { tone: 'error', text: explain(error, 'Could not save.') }
    }
  }

  private async savePassword(event: SubmitEvent) {
    event.preventDefault()
    const form = event.target as HTMLFormElement
    try {
      await this.api.updateProfile({ password: String(new FormData(form).get('password') ?? '') })
      form.reset()
      this.password = { tone: 'ok', text: 'Password changed. Your other sessions were signed out.' }
    } catch (error) {
      this.password = { tone: 'error', text: explain(error, 'Could not change the password.') }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'profile-page': ProfilePage
  }
}
