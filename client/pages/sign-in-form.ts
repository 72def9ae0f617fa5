/**
 * What every "get in" page does with its form (first run, sign in, join): send the fields, show a
 * busy button and the relay's error, and announce `signed-in` so the app loads the workspace.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export type FormFields = Record<'name' | 'email' | 'password', string>

export class SignInForm implements ReactiveController {
  busy = false
  error = ''

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly failure: string) {
    host.addController(this)
  }

  /** A page left while its request was out comes back ready, not stuck on a busy button. */
  hostDisconnected(): void {
    this.busy = false
  }

  /** Submit handler: `send` gets the form's fields and signs the person in. */
  submitWith(send: (fields: FormFields) => Promise<unknown>) {
    return async (event: SubmitEvent) => {
      event.preventDefault()
      const form = new FormData(event.target as HTMLFormElement)
      const field = (name: string) => String(form.get(name) ?? '')
      this.update(true, '')
      try {
        await send({ name: field('name'), email: field('email'), password: field('password') })
        this.host.dispatchEvent(new Event('signed-in', { bubbles: true, composed: true }))
        this.update(false, '')
      } catch (error) {
        this.update(false, (error as Error).message || this.failure)
      }
    }
  }

  private update(busy: boolean, error: string): void {
    this.busy = busy
    this.error = error
    this.host.requestUpdate()
  }
}
