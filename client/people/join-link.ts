/**
 * The account's join link, for administrators: the full URL to share, a Copy button, a QR code of
 * it for a phone across the table (drawn by the `qr` library as a GIF data URL: the page's CSP
 * allows data: images), and "New link", which retires the old code after asking once.
 */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import encodeQR from 'qr'
import type { HearthApi } from '../api/hearth-api.js'
import { explain } from '../api/online-only.js'
import { apiContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { pageStyles } from './people-styles.js'
import { statusLine, type Status } from './status-line.js'

const joinUrl = (code: string) => `${location.origin}/join/${encodeURIComponent(code)}`

/** Pixels per QR module: about 150 px for a typical link, easy for a phone camera. */
const QR_SCALE = 4

@customElement('join-link')
export class JoinLink extends LitElement {
  static override styles = [
    controls,
    pageStyles,
    css`
      :host { display: grid; gap: 0.7rem; overflow: visible; background: none; }
      img { image-rendering: pixelated; background: #fff; border-radius: 6px; justify-self: start; }
    `,
  ]
  @consume({ context: apiContext }) api!: HearthApi
  @property() code = ''
  @state() private status: Status
  @state() private confirming = false

  override render() {
    const url = joinUrl(this.code)
    return html`<div class="row">
        <input id="join" readonly aria-label="Join link" .value=${url} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button type="button" @click=${this.copy}>Copy</button>
      </div>
      <img class="qr" src=${encodeQR(url, 'data-url', { scale: QR_SCALE })} alt="QR code of the join link" data-url=${url} />
      <div class="row">
        ${this.confirming
          ? html`<span>Make a new link? The current one stops working.</span>
              <button type="button" @click=${() => (this.confirming = false)}>Keep this one</button>
              <button type="button" class="danger" @click=${this.renew}>Make a new link</button>`
          : html`<button type="button" @click=${() => (this.confirming = true)}>New link…</button>`}
      </div>
      ${statusLine(this.status)}`
  }

  private async copy() {
    const url = joinUrl(this.code)
    try {
      await navigator.clipboard.writeText(url)
      this.status = { tone: 'ok', text: 'Link copied.' }
    } catch {
      // The clipboard can be refused (no permission, no focus): the link is selected to copy by hand.
      this.renderRoot.querySelector<HTMLInputElement>('#join')?.select()
      this.status = { tone: 'error', text: 'Copying was refused here: the link is selected, copy it by hand.' }
    }
  }

  private async renew() {
    try {
      this.code = (await this.api.newJoinCode()).joinCode
      this.confirming = false
      this.status = { tone: 'ok', text: 'A new link is ready; the old one no longer works.' }
    } catch (error) {
      this.status = { tone: 'error', text: explain(error, 'Could not make a new link.') }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'join-link': JoinLink
  }
}
