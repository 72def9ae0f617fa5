/** A session transfer link from an administrator: one click signs this device in. */
import { consume } from '@lit/context'
import { LitElement, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { HearthApi } from '../api/hearth-api.js'
import { apiContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { cardPage } from './page-styles.js'

@customElement('transfer-page')
export class TransferPage extends LitElement {
  static override styles = [controls, cardPage]
  @consume({ context: apiContext }) api!: HearthApi
  @property() token = ''
  @state() private error = ''

  override render() {
    // A button, not an automatic sign-in: link previewers that fetch the page must not use up the link.
    return html`<form @submit=${this.submit} aria-labelledby="title">
      <h1 id="title"><img src="/icon.svg" alt="" />Sign in on this device</h1>
      <p>This link signs you in once. Then set a new password from your profile.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <button class="primary" type="submit">Sign me in</button>
      <p class="aside"><a href="/signin">Sign in with a password instead</a></p>
    </form>`
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault()
    try {
      await this.api.redeemTransfer(this.token)
      this.dispatchEvent(new Event('signed-in', { bubbles: true, composed: true }))
    } catch (error) {
      this.error = (error as Error).message || 'This link does not work any more'
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'transfer-page': TransferPage
  }
}
