/**
 * Keeps a signed-in person's attention signals running while the chat is on screen: the unread
 * badge and title, and notifications. One per workspace; a new workspace (signing in again)
 * replaces them, and leaving the chat (signing out) stops them and puts the title back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { Workspace } from '../workspace/workspace.js'
import { Notifier } from './notifier.js'
import { UnreadBadge } from './unread-badge.js'

export class AttentionController implements ReactiveController {
  private workspace: Workspace | undefined
  private running: { badge: UnreadBadge; notifier: Notifier } | undefined
  private connected = false

  constructor(host: ReactiveControllerHost) {
    host.addController(this)
  }

  /** Follows the host's workspace; call whenever it may have changed (in render, say). */
  follow(workspace: Workspace | undefined): void {
    if (workspace === this.workspace) return
    this.workspace = workspace
    this.restart()
  }

  hostConnected(): void {
    this.connected = true
    this.restart()
  }

  hostDisconnected(): void {
    this.connected = false
    this.restart()
  }

  private restart(): void {
    this.running?.badge.stop()
    this.running?.notifier.stop()
    this.running = undefined
    if (this.connected && this.workspace) this.running = { badge: new UnreadBadge(this.workspace), notifier: new Notifier(this.workspace) }
  }
}
