/**
 * Writing a message: Enter sends, Shift+Enter adds a line. The draft lives in the user doc, so it
 * survives a reload (and follows the user to their other devices).
 */
import { consume } from '@lit/context'
import { LitElement, css, html, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { workspaceContext } from '../app/contexts.js'
import { controls } from '../app/shared-styles.js'
import { MAX_BODY_LENGTH } from '../room/message-writer.js'
import type { Workspace } from '../workspace/workspace.js'

export const DRAFT_SAVE_DELAY_MS = 250
/** Typing is re-announced at most this often while keys keep coming. */
const TYPING_RENEW_MS = 2000

@customElement('message-composer')
export class MessageComposer extends LitElement {
  static override styles = [
    controls,
    css`
      :host { display: block; padding: 0.6rem 1rem 0.9rem; }
      form { display: flex; gap: 0.5rem; align-items: flex-end; }
      .problem { color: var(--danger); font-size: 0.8rem; margin: 0 0 0.3rem; }
      textarea { flex: 1; resize: none; min-height: 2.6rem; max-height: 12rem; line-height: 1.4; box-sizing: border-box; }
    `,
  ]
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  @property() roomId = ''
  @property() roomName = ''
  @query('textarea') private textarea!: HTMLTextAreaElement
  @state() private problem = ''
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
    return html`${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}<form @submit=${this.submit}>
      <label class="visually-hidden" for="body">Message ${this.roomName}</label>
      <textarea id="body" rows="1" maxlength=${MAX_BODY_LENGTH} placeholder=${`Message ${this.roomName}`} @keydown=${this.keydown} @input=${this.typed}></textarea>
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

  private submit(event: SubmitEvent) {
    event.preventDefault()
    this.send()
  }

  private send() {
    const body = this.textarea.value.trim()
    if (!body || !this.workspace) return
    try {
      this.workspace.post(this.roomId, body)
      this.problem = ''
    } catch (error) {
      // The room schema refused it (too long, say): keep the text so nothing typed is lost.
      this.problem = (error as Error).message
      return
    }
    this.textarea.value = ''
    this.fit()
    clearTimeout(this.saving)
    this.workspace.saveDraft(this.roomId, '')
    this.announceTyping(false)
    this.dispatchEvent(new Event('sent', { bubbles: true, composed: true }))
  }

  private typed() {
    this.fit()
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
