/** Joining through the link an administrator shared: `/join/<code>`. */
import { consume } from '@lit/context'
import { LitElement, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { HearthApi } from '../api/hearth-api.js'
import { apiContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { cardPage } from './page-styles.js'

@customElement('join-page')
export class JoinPage extends LitElement {
  static override styles = [controls, cardPage]
  @consume({ context: apiContext }) api!: HearthApi
  @property() code = ''
  @state() private error = ''
  @state() private busy = false

  override render() {
    return html`<form @submit=${this.submit} aria-labelledby="title">
      <h1 id="title"><img src="/icon.svg" alt="" />Join Hearth</h1>
      <p>Pick the name your team will see.</p>
      <label>Your name <input name="name" autocomplete="name" required /></label>
      <label>Email <input name="email" type="email" autocomplete="username" required /></label>
      <label>Password <input name="password" type="password" autocomplete="new-password" minlength="8" required /></label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <button class="primary" type="submit" ?disabled=${this.busy}>Join</button>
      <p class="aside">Have an account? <a href="/signin">Sign in</a></p>
    </form>`
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    this.busy = true
    this.error = ''
    try {
      await this.api.join(this.code, { name: String(form.get('name')), email: String(form.get('email')), password: String(form.get('password')) })
      this.dispatchEvent(new Event('signed-in', { bubbles: true, composed: true }))
    } catch (error) {
      this.error = (error as Error).message || 'Could not join'
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'join-page': JoinPage
  }
}
