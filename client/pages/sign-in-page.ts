/** Signing in with email and password; the relay sets the httpOnly session cookie. */
import { consume } from '@lit/context'
import { LitElement, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { HearthApi } from '../api/hearth-api.js'
import { apiContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { cardPage } from './page-styles.js'

@customElement('sign-in-page')
export class SignInPage extends LitElement {
  static override styles = [controls, cardPage]
  @consume({ context: apiContext }) api!: HearthApi
  @state() private error = ''
  @state() private busy = false

  override render() {
    return html`<form @submit=${this.submit} aria-labelledby="title">
      <h1 id="title"><img src="/icon.svg" alt="" />Sign in to Hearth</h1>
      <label>Email <input name="email" type="email" autocomplete="username" required /></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <button class="primary" type="submit" ?disabled=${this.busy}>Sign in</button>
      <p class="aside">Setting up a new Hearth? <a href="/first-run">Create the account</a></p>
    </form>`
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    this.busy = true
    this.error = ''
    try {
      await this.api.signIn({ email: String(form.get('email')), password: String(form.get('password')) })
      this.dispatchEvent(new Event('signed-in', { bubbles: true, composed: true }))
    } catch (error) {
      this.error = (error as Error).message || 'Could not sign in'
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-page': SignInPage
  }
}
