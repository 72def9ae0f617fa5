/** The very first visit: the operator creates the account, becomes its administrator, and is signed in. */
import { consume } from '@lit/context'
import { LitElement, html } from 'lit'
import { customElement } from 'lit/decorators.js'
import type { HearthApi } from '../api/hearth-api.js'
import { apiContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { cardPage } from './page-styles.js'
import { SignInForm } from './sign-in-form.js'

@customElement('first-run-page')
export class FirstRunPage extends LitElement {
  static override styles = [controls, cardPage]
  @consume({ context: apiContext }) api!: HearthApi
  private readonly form = new SignInForm(this, 'Could not create the account')

  override render() {
    return html`<form @submit=${this.submit} aria-labelledby="title">
      <h1 id="title"><img src="/icon.svg" alt="" />Set up Hearth</h1>
      <p>You will be the administrator. Everyone else joins with a link you share.</p>
      <label>Your name <input name="name" autocomplete="name" required /></label>
      <label>Email <input name="email" type="email" autocomplete="username" required /></label>
      <label>Password <input name="password" type="password" autocomplete="new-password" minlength="8" required /></label>
      ${this.form.error ? html`<p class="error" role="alert">${this.form.error}</p>` : null}
      <button class="primary" type="submit" ?disabled=${this.form.busy}>Create the account</button>
      <p class="aside">Already set up? <a href="/signin">Sign in</a></p>
    </form>`
  }

  private readonly submit = this.form.submitWith(({ name, email, password }) => this.api.firstRun({ name, email, password }))
}

declare global {
  interface HTMLElementTagNameMap {
    'first-run-page': FirstRunPage
  }
}
