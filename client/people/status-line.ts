/** What a page or section says after an action: done (a polite status) or refused (an alert). */
import { html } from 'lit'

export type Status = { tone: 'ok' | 'error'; text: string } | undefined

/** Styled by `.ok` and `.error` in people-styles.ts. */
export function statusLine(status: Status) {
  if (!status) return null
  return status.tone === 'ok' ? html`<p class="ok" role="status">${status.text}</p>` : html`<p class="error" role="alert">${status.text}</p>`
}
