/**
 * Listens to something outside the element (the window, the document) only while the element is
 * connected: a keyboard shortcut, page visibility. One line in the host instead of a pair of
 * connected/disconnected callbacks that must be kept in step.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

type Events = WindowEventMap & DocumentEventMap

export class ListenerController<K extends keyof Events> implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly target: Window | Document,
    private readonly type: K,
    private readonly listener: (event: Events[K]) => void,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    this.target.addEventListener(this.type, this.listener as EventListener)
  }

  hostDisconnected(): void {
    this.target.removeEventListener(this.type, this.listener as EventListener)
  }
}
