/**
 * Re-renders its host whenever an EventTarget (the workspace, a live doc) says `change`, batched to
 * one update per frame so a burst of synced updates costs one render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export class ChangeController implements ReactiveController {
  private target: EventTarget | undefined
  private scheduled = false

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this)
  }

  /** Follows a new target (or none); call whenever the source changes. */
  follow(target: EventTarget | undefined): void {
    if (target === this.target) return
    this.target?.removeEventListener('change', this.changed)
    this.target = target
    this.target?.addEventListener('change', this.changed)
  }

  hostConnected(): void {
    this.target?.addEventListener('change', this.changed)
  }

  hostDisconnected(): void {
    this.target?.removeEventListener('change', this.changed)
  }

  private readonly changed = () => {
    if (this.scheduled) return
    this.scheduled = true
    requestAnimationFrame(() => {
      this.scheduled = false
      this.host.requestUpdate()
    })
  }
}
