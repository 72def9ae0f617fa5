/**
 * A `/play <name>` message as Campfire shows one: a speaker, "played <name>", and a ▶ button to
 * hear it again by hand (the automatic play happens only on live arrival, in room-sounds.ts).
 */
import { LitElement, css, html, svg } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { SoundName } from '../room/sounds.js'
import { playSound } from './room-sounds.js'

/** A speaker, drawn inline: no emoji font is needed for it to show. */
const speakerIcon = svg`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="currentColor"><path d="M2 6h2.5L8 3v10L4.5 10H2z"/><path d="M10.5 5.2a4 4 0 0 1 0 5.6l-.9-.9a2.7 2.7 0 0 0 0-3.8zM12.3 3.4a6.6 6.6 0 0 1 0 9.2l-.9-.9a5.3 5.3 0 0 0 0-7.4z"/></svg>`

@customElement('sound-message')
export class SoundMessage extends LitElement {
  static override styles = css`
    :host { display: inline-flex; align-items: center; gap: 0.4rem; color: var(--muted); font-style: italic; }
    button { font: inherit; font-style: normal; font-size: 0.75rem; line-height: 1; padding: 0.2rem 0.45rem; border-radius: 999px;
      border: 1px solid var(--line); background: var(--surface); color: var(--text); cursor: pointer; }
    button:hover { background: var(--hover); }
    button:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
  `
  @property() name: SoundName = 'ding'

  override render() {
    return html`${speakerIcon}<span>played <strong>${this.name}</strong></span>
      <button type="button" aria-label=${`Play ${this.name}`} title="Play it again" @click=${() => playSound(this.name)}>▶</button>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sound-message': SoundMessage
  }
}
