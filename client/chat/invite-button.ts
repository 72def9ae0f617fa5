/** For administrators: the join link to share with the team (only they may see the code). */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { HearthApi } from '../api/hearth-api.js'
import { apiContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'

@customElement('invite-button')
export class InviteButton extends LitElement {
  static override styles = [
    controls,
    css`
      :host { display: block; }
      button { font-size: 0.8rem; padding: 0.3rem 0.6rem; }
      .link { display: grid; gap: 0.35rem; margin-top: 0.5rem; font-size: 0.8rem; }
      input { font-size: 0.8rem; padding: 0.35rem 0.5rem; }
      .error { color: var(--danger); }
    `,
  ]
  @consume({ context: apiContext }) api!: HearthApi
  @state() private link = ''
  @state() private error = ''

  override render() {
    return html`<button @click=${this.show} aria-expanded=${this.link ? 'true' : 'false'}>Invite people</button>
      ${this.link
        ? html`<div class="link"><label for="join">Share this join link:</label>
            <input id="join" readonly .value=${this.link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} /></div>`
        : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}`
  }

  private async show() {
    if (this.link) {
      this.link = ''
      return
    }
    try {
      const { joinCode } = await this.api.account()
      this.link = joinCode ? `${location.origin}/join/${encodeURIComponent(joinCode)}` : ''
      this.error = joinCode ? '' : 'Only administrators can invite people.'
    } catch {
      this.error = 'Inviting people needs the network.'
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invite-button': InviteButton
  }
}
