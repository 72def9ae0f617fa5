/** Joining through the link an administrator shared: `/join/<code>`. */
import { consume } from '@lit/context'
import { LitElement, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { HearthApi } from '../api/hearth-api.js'
import { apiContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { cardPage } from './page-styles.js'
import { SignInForm } from './sign-in-form.js'

@customElement('join-page')
export class JoinPage extends LitElement {
  static override styles = [controls, cardPage]
  @consume({ context: apiContext }) api!: HearthApi
  @property() code = ''
  private readonly form = new SignInForm(this, 'Could not join')

  override render() {
    return html`<form @submit=${this.submit} aria-labelledby="title">
      <h1 id="title"><img src="/icon.svg" alt="" />Join Hearth</h1>
      <p>Pick the name your team will see.</p>
      <label>Your name <input name="name" autocomplete="name" required /></label>
      <label>Email <input name="email" type="email" autocomplete="username" required /></label>
      <label>Password <input name="password" type="password" autocomplete="new-password" minlength="8" required /></label>
      ${this.form.error ? html`<p class="error" role="alert">${this.form.error}</p>` : null}
      <button class="primary" type="submit" ?disabled=${this.form.busy}>Join</button>
      <p class="aside">Have an account? <a href="/signin">Sign in</a></p>
    </form>`
  }

  private readonly submit = this.form.submitWith(({ name, email, password }) => this.api.join(this.code, { name, email, password }))
}

declare global {
  interface HTMLElementTagNameMap {
    'join-page': JoinPage
  }
}
