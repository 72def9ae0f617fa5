/**
 * Writing a message: Enter sends, Shift+Enter adds a line. The draft lives in the user doc, so it
 * survives a reload (and follows the user to their other devices). `@` suggests the room's people
 * (↑/↓ to move, Enter or Tab to choose, Esc to close), and `/play ` suggests sounds in the same list
 * (composer-suggestions.ts); Up in an empty composer edits my last message.
 */
import { consume } from '@lit/context'
import { LitElement, css, html, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { workspaceContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { mentionQueryAt, mentionsIn } from '../room/mentions.js'
import { MAX_BODY_LENGTH } from '../room/message-writer.js'
import type { Workspace } from '../workspace/workspace.js'
import { avatarStyles } from './avatar.js'
import { keyOf, listLabel, suggestionRow, suggestionsFor, type Suggestion } from './composer-suggestions.js'

export const DRAFT_SAVE_DELAY_MS = 250
/** Typing is re-announced at most this often while keys keep coming. */
const TYPING_RENEW_MS = 2000

@customElement('message-composer')
export class MessageComposer extends LitElement {
  static override styles = [
    controls,
    avatarStyles,
    css`
      :host { display: block; padding: 0.6rem 1rem 0.9rem; }
      form { display: flex; gap: 0.5rem; align-items: flex-end; }
      .problem { color: var(--danger); font-size: 0.8rem; margin: 0 0 0.3rem; }
      textarea { flex: 1; resize: none; min-height: 2.6rem; max-height: 12rem; line-height: 1.4; box-sizing: border-box; }
      .suggestions { list-style: none; margin: 0 0 0.3rem; padding: 0.25rem; border: 1px solid var(--line); border-radius: 8px;
        background: var(--surface); box-shadow: 0 4px 14px var(--shadow); max-width: 20rem; }
      .suggestions li { display: flex; align-items: center; gap: 0.5rem; padding: 0.3rem 0.5rem; border-radius: 6px; cursor: pointer; }
      .suggestions li[aria-selected='true'] { background: var(--hover); outline: 1px solid var(--focus); }
      .suggestions .avatar { width: 1.4rem; height: 1.4rem; border-radius: 50%; display: grid; place-items: center; color: #fff;
        font-size: 0.6rem; font-weight: 700; background: hsl(var(--hue) 55% 45%); }
      .suggestions .preview { font-size: 0.7rem; line-height: 1; padding: 0.2rem 0.4rem; border-radius: 999px; }
    `,
  ]
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @property() roomId = ''
  @property() roomName = ''
  @query('textarea') private textarea!: HTMLTextAreaElement
  @state() private problem = ''
  /** People matching the `@query` at the caret (or sounds for `/play `), and the one Enter would choose. */
  @state() private suggestions: Suggestion[] = []
  @state() private active = 0
  /** Everyone chosen from suggestions since the last send (even if no longer in the room's list): their `@Name` in the body makes a mention. */
  private chosen = new Map<string, string>()
  private saving: ReturnType<typeof setTimeout> | undefined
  private typingSince = 0

  override willUpdate(changed: PropertyValues<this>): void {
    // Moving to another room keeps what was typed for the one being left.
    const left = changed.get('roomId')
    if (left && this.textarea && this.workspace) {
      this.workspace.saveDraft(left, this.textarea.value)
      this.workspace.setTyping(left, false)
      this.typingSince = 0
    }
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('roomId') && this.workspace) {
      this.textarea.value = this.workspace.draft(this.roomId)
      this.fit()
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.saveDraft()
    this.announceTyping(false)
  }

  override render() {
    const open = this.suggestions.length > 0
    return html`${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}
    ${open
      ? html`<ul class="suggestions" id="suggestions" role="listbox" aria-label=${listLabel(this.suggestions[0])}>${this.suggestions.map(
          (suggestion, i) => html`<li id="suggestion-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'}
            @mousedown=${(e: Event) => { e.preventDefault(); this.choose(suggestion) }}>
            ${suggestionRow(suggestion)}</li>`,
        )}</ul>`
      : null}
    <form @submit=${this.submit}>
      <label class="visually-hidden" for="body">Message ${this.roomName}</label>
      <textarea id="body" rows="1" maxlength=${MAX_BODY_LENGTH} placeholder=${`Message ${this.roomName}`} @keydown=${this.keydown} @input=${this.typed}
        aria-autocomplete="list" aria-controls="suggestions" aria-activedescendant=${open ? `suggestion-${this.active}` : ''} @blur=${() => (this.suggestions = [])}></textarea>
      <button class="primary" type="submit">Send</button>
    </form>`
  }

  override focus(): void {
    void this.updateComplete.then(() => this.textarea?.focus())
  }

  /** Reply: the quote goes above whatever was already typed, and the caret after it. */
  quote(text: string): void {
    void this.updateComplete.then(() => {
      this.textarea.value = text + this.textarea.value
      this.textarea.focus()
      this.textarea.setSelectionRange(text.length, text.length)
      this.fit()
      this.saveDraft()
    })
  }

  private keydown(event: KeyboardEvent) {
    if (this.suggestions.length > 0 && this.suggesting(event)) return
    if (event.key === 'ArrowUp' && this.textarea.value === '' && !event.isComposing) {
      event.preventDefault()
      this.dispatchEvent(new Event('edit-last', { bubbles: true, composed: true }))
      return
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault()
      this.send()
    }
  }

  /** Keys the suggestion list takes while it is open; true when the key was for it. */
  private suggesting(event: KeyboardEvent): boolean {
    const count = this.suggestions.length
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') this.active = (this.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count
    else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && !event.isComposing) this.choose(this.suggestions[this.active]!)
    else if (event.key === 'Escape') this.suggestions = []
    else return false
    event.preventDefault()
    return true
  }

  /**
   * A person replaces the `@query` at the caret with `@Name ` (and is remembered); a sound makes the
   * text exactly `/play <name>`, ready to send; the command starts one (`/play `, listing the sounds).
   */
  private choose(suggestion: Suggestion) {
    this.suggestions = []
    if (suggestion.kind === 'person') {
      const caret = this.textarea.selectionStart
      const at = mentionQueryAt(this.textarea.value, caret)
      if (!at) return
      this.textarea.setRangeText(`@${suggestion.person.name} `, at.start, caret, 'end')
      this.chosen.set(suggestion.person.id, suggestion.person.name)
    } else {
      this.textarea.value = suggestion.kind === 'sound' ? `/play ${suggestion.name}` : '/play '
      this.textarea.setSelectionRange(this.textarea.value.length, this.textarea.value.length)
    }
    this.typed()
  }

  private suggest() {
    const workspace = this.workspace
    const found = workspace ? suggestionsFor(this.textarea.value, this.textarea.selectionStart, () => workspace.roomPeople(this.roomId)) : []
    if (found.map(keyOf).join() !== this.suggestions.map(keyOf).join()) this.active = 0
    this.suggestions = found
  }

  private submit(event: SubmitEvent) {
    event.preventDefault()
    this.send()
  }

  private send() {
    const body = this.textarea.value.trim()
    if (!body || !this.workspace) return
    try {
      // A full `@Name` typed by hand (or kept in a draft across a reload) mentions that person too.
      const candidates = [...[...this.chosen].map(([id, name]) => ({ id, name })), ...this.workspace.roomPeople(this.roomId)]
      this.workspace.post(this.roomId, body, mentionsIn(body, candidates))
      this.problem = ''
    } catch (error) {
      // The room schema refused it (too long, say): keep the text so nothing typed is lost.
      this.problem = (error as Error).message
      return
    }
    this.textarea.value = ''
    this.chosen.clear()
    this.suggestions = []
    this.fit()
    clearTimeout(this.saving)
    this.workspace.saveDraft(this.roomId, '')
    this.announceTyping(false)
    this.dispatchEvent(new Event('sent', { bubbles: true, composed: true }))
  }

  private typed() {
    this.fit()
    this.suggest()
    this.announceTyping(this.textarea.value.trim() !== '')
    clearTimeout(this.saving)
    this.saving = setTimeout(() => this.saveDraft(), DRAFT_SAVE_DELAY_MS)
  }

  private announceTyping(typing: boolean) {
    const now = Date.now()
    if (typing && now - this.typingSince < TYPING_RENEW_MS) return
    this.typingSince = typing ? now : 0
    this.workspace?.setTyping(this.roomId, typing)
  }

  private saveDraft() {
    clearTimeout(this.saving)
    if (this.textarea && this.workspace && this.roomId) this.workspace.saveDraft(this.roomId, this.textarea.value)
  }

  private fit() {
    this.textarea.style.height = 'auto'
    this.textarea.style.height = `${this.textarea.scrollHeight + 2}px`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'message-composer': MessageComposer
  }
}
