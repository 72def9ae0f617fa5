/**
 * Re-renders its host when the tab is shown again: a room read while hidden is not marked read
 * (nobody saw it), so coming back must give the room a chance to mark it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export class VisibilityController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this)
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.changed)
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.changed)
  }

  private readonly changed = () => {
    if (document.visibilityState === 'visible') this.host.requestUpdate()
  }
}
