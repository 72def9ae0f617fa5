// Hearth's service worker: the app shell comes from the cache, so the app opens with no network.
// The build (vite.config.ts) replaces the two placeholders with this build's files and version.
const PRECACHE = self.__PRECACHE__
const CACHE = `hearth-shell-${self.__VERSION__}`

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('hearth-shell-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  // The API and the sockets are live data: never answered from the cache.
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return
  if (request.mode === 'navigate') {
    // Network first so a deploy shows up at once; the cached shell when offline.
    event.respondWith(fetch(request).catch(() => caches.match('/', { cacheName: CACHE }).then((shell) => shell ?? Response.error())))
    return
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((cached) => cached ?? fetch(request)))
})

// A notification shown through the worker (Android's Chrome shows no other kind) opens its message:
// in a Hearth tab that is already open when there is one (it moves there without a reload), else in
// a new window.
self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const path = event.notification.data?.path
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) return
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const tab = windows.find((client) => new URL(client.url).origin === self.location.origin)
      if (!tab) return self.clients.openWindow(path)
      tab.postMessage({ type: 'hearth:open', path })
      return tab.focus()
    }),
  )
})
