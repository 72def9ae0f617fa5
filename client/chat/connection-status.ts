/** Always visible: connected, connecting, or offline with the number of changes waiting. */
import { consume } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement } from 'lit/decorators.js'
import { ChangeController } from '../app/change-controller.js'
import { workspaceContext } from '../app/contexts.js'
import type { Workspace } from '../workspace/workspace.js'

export function describeConnection(state: string, waiting: number): { label: string; tone: 'good' | 'busy' | 'bad' } {
  const changes = waiting === 1 ? '1 change waiting' : `${waiting} changes waiting`
  if (state === 'connected') return { label: waiting ? `Connected, sending ${changes.replace(' waiting', '')}` : 'Connected', tone: waiting ? 'busy' : 'good' }
  if (state === 'connecting') return { label: waiting ? `Connecting… ${changes}` : 'Connecting…', tone: 'busy' }
  if (state === 'signed-out') return { label: 'Signed out', tone: 'bad' }
  return { label: waiting ? `Offline, ${changes}` : 'Offline', tone: 'bad' }
}

@customElement('connection-status')
export class ConnectionStatus extends LitElement {
  static override styles = css`
    :host { display: inline-flex; align-items: center; gap: 0.45rem; font-size: 0.82rem; color: var(--muted); }
    .dot { width: 0.55rem; height: 0.55rem; border-radius: 50%; flex: none; }
    .good { background: var(--good); }
    .busy { background: var(--warn); }
    .bad { background: var(--danger); }
  `
  @consume({ context: workspaceContext, subscribe: true }) workspace?: Workspace
  private readonly changes = new ChangeController(this)

  override render() {
    this.changes.follow(this.workspace)
    if (!this.workspace) return null
    const { label, tone } = describeConnection(this.workspace.live.state, this.workspace.pendingChanges())
    return html`<span class="dot ${tone}" aria-hidden="true"></span><span role="status" aria-live="polite" data-state=${this.workspace.live.state}>${label}</span>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'connection-status': ConnectionStatus
  }
}
