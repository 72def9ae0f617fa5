/** The browser entry: the app shell, and the service worker that lets it open with no network. */
import './app/hearth-app.js'
import { navigate } from './app/routes.js'

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('[hearth] no offline shell:', error))
  })
}

// The service worker's notification click (client/service-worker.js) opens a message in this tab.
navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<{ type?: unknown; path?: unknown }>) => {
  const { type, path } = event.data ?? {}
  if (type === 'hearth:open' && typeof path === 'string' && path.startsWith('/') && !path.startsWith('//')) navigate(path)
})
