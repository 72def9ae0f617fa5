/**
 * The app's root: finds out who is signed in (or remembers, when offline), shows the getting-in
 * pages or the chat, and owns the tab's one live connection. A 4401/4403 from the relay ends the
 * connection for good and brings back the sign-in page.
 */
import { provide } from '@lit/context'
import { LitElement, css, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { hearthApi, type HearthApi } from '../api/hearth-api.js'
import { LiveConnection } from '../live/live-connection.js'
import { Workspace } from '../workspace/workspace.js'
import '../chat/chat-shell.js'
import '../pages/first-run-page.js'
import '../pages/join-page.js'
import '../pages/sign-in-page.js'
import '../pages/transfer-page.js'
import { apiContext, workspaceContext } from './contexts.js'
import { ListenerController } from './listener-controller.js'
import { navigate, routeFor, type Route } from './routes.js'
import { currentSession, eraseDevice } from './session.js'

@customElement('hearth-app')
export class HearthApp extends LitElement {
  static override styles = css`
    :host { display: block; min-height: 100dvh; }
    .loading { display: grid; place-items: center; min-height: 100dvh; color: var(--muted); }
  `

  @provide({ context: apiContext }) api: HearthApi = hearthApi
  @provide({ context: workspaceContext }) @state() workspace: Workspace | undefined
  @state() private route: Route = routeFor(location.pathname)
  @state() private checked = false

  private readonly history = new ListenerController(this, window, 'popstate', () => (this.route = routeFor(location.pathname)))

  override connectedCallback(): void {
    super.connectedCallback()
    this.addEventListener('click', this.followLink)
    this.addEventListener('signed-in', () => void this.start('/'))
    this.addEventListener('sign-out', () => void this.signOut())
    void this.start()
  }

  override render() {
    const route = this.route
    if (route.page === 'first-run') return html`<first-run-page></first-run-page>`
    if (route.page === 'join') return html`<join-page .code=${route.code}></join-page>`
    if (route.page === 'transfer') return html`<transfer-page .token=${route.token}></transfer-page>`
    if (!this.checked) return html`<p class="loading" role="status">Opening Hearth…</p>`
    if (route.page === 'sign-in' || !this.workspace) return html`<sign-in-page></sign-in-page>`
    // One chat-shell for rooms and the pages beside them, so the sidebar stays put between them.
    const page = route.page === 'profile' || route.page === 'account' ? route.page : undefined
    const chat = route.page === 'chat' ? route : undefined
    return html`<chat-shell .page=${page} .roomId=${chat?.roomId} .messageId=${chat?.messageId}></chat-shell>`
  }

  private async start(then?: string): Promise<void> {
    const session = await currentSession(this.api)
    await this.closeWorkspace()
    if (session) {
      const live = new LiveConnection({ url: liveUrl(), stillSignedIn: async () => (await this.api.me().catch(() => true)) !== undefined })
      live.addEventListener('change', () => {
        if (live.state === 'signed-out' && this.workspace?.live === live) void this.signedOutByRelay()
      })
      this.workspace = await Workspace.open(session.me, live)
      if (then) navigate(then, { replace: true })
      else if (this.route.page === 'sign-in' || this.route.page === 'first-run') navigate('/', { replace: true })
    } else if (this.route.page === 'chat' || this.route.page === 'sign-in' || this.route.page === 'profile' || this.route.page === 'account') {
      const firstRun = await this.api.firstRunNeeded().catch(() => false)
      navigate(firstRun ? '/first-run' : '/signin', { replace: true })
    }
    this.checked = true
  }

  private async signedOutByRelay(): Promise<void> {
    await this.closeWorkspace()
    navigate('/signin', { replace: true })
  }

  /** Signing out ends the session on the relay and erases this device's copies. */
  private async signOut(): Promise<void> {
    await this.api.signOut().catch(() => undefined)
    await this.closeWorkspace({ erase: true })
    await eraseDevice()
    navigate('/signin', { replace: true })
  }

  /** Ends this tab's workspace and its live connection (with `erase`, the docs' copies on this device too). */
  private async closeWorkspace(options?: { erase: boolean }): Promise<void> {
    const workspace = this.workspace
    this.workspace = undefined
    workspace?.close()
    await workspace?.live.stop(options)
  }

  /** In-app links move without a page load. */
  private readonly followLink = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement)
    if (!anchor || anchor.target || !anchor.href) return
    const url = new URL(anchor.href)
    if (url.origin !== location.origin) return
    event.preventDefault()
    navigate(url.pathname)
  }
}

function liveUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-app': HearthApp
  }
}
