/**
 * "Turn on notifications": the browser asks for permission only after a person's click (asking on
 * load is refused by browsers and rude to people). Nothing shows once they are on; a short note
 * says where to look when the browser has them blocked.
 */
import { LitElement, css, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { controls } from '../app/shared-styles.js'

@customElement('notifications-button')
export class NotificationsButton extends LitElement {
  static override styles = [
    controls,
    css`
      :host { display: block; }
      button { width: 100%; font-size: 0.85rem; }
      p { margin: 0; color: var(--muted); font-size: 0.78rem; }
    `,
  ]
  /** The browser's answer so far ('default' until asked), or undefined where there are no notifications. */
  @state() private permission = typeof Notification === 'undefined' ? undefined : Notification.permission

  override willUpdate(): void {
    // Nothing to say once they are on (or where there are none): out of the layout altogether.
    this.hidden = this.permission !== 'default' && this.permission !== 'denied'
  }

  override render() {
    if (this.permission === 'default') return html`<button @click=${this.ask}>Turn on notifications</button>`
    if (this.permission === 'denied') return html`<p>Notifications are blocked for this site in the browser's settings.</p>`
    return null
  }

  private async ask(): Promise<void> {
    this.permission = await Notification.requestPermission()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'notifications-button': NotificationsButton
  }
}
