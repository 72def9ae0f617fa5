/** The browser entry: the app shell, and the service worker that lets it open with no network. */
import './app/hearth-app.js'

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('[hearth] no offline shell:', error))
  })
}
