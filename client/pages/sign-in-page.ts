/** Signing in with email and password; the relay sets the httpOnly session cookie. */
import { consume } from '@lit/context'
import { LitElement, html } from 'lit'
import { customElement } from 'lit/decorators.js'
import type { HearthApi } from '../api/hearth-api.js'
import { apiContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { cardPage } from './page-styles.js'
import { SignInForm } from './sign-in-form.js'

@customElement('sign-in-page')
export class SignInPage extends LitElement {
  static override styles = [controls, cardPage]
  @consume({ context: apiContext }) api!: HearthApi
  private readonly form = new SignInForm(this, 'Could not sign in')

  override render() {
    return html`<form @submit=${this.submit} aria-labelledby="title">
      <h1 id="title"><img src="/icon.svg" alt="" />Sign in to Hearth</h1>
      <label>Email <input name="email" type="email" autocomplete="username" required /></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
      ${this.form.error ? html`<p class="error" role="alert">${this.form.error}</p>` : null}
      <button class="primary" type="submit" ?disabled=${this.form.busy}>Sign in</button>
      <p class="aside">Setting up a new Hearth? <a href="/first-run">Create the account</a></p>
    </form>`
  }

  private readonly submit = this.form.submitWith(({ email, password }) => this.api.signIn({ email, password }))
}

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-page': SignInPage
  }
}
