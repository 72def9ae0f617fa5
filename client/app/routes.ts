/** The app's few pages, from the location's path (/profile and /account sit beside the rooms). Unknown paths land in the chat. */
export type Route =
  | { page: 'first-run' }
  | { page: 'sign-in' }
  | { page: 'join'; code: string }
  | { page: 'transfer'; token: string }
  | { page: 'chat'; roomId?: string; messageId?: string }
  | { page: 'profile' }
  | { page: 'account' }

export function routeFor(pathname: string): Route {
  if (pathname === '/first-run') return { page: 'first-run' }
  if (pathname === '/signin') return { page: 'sign-in' }
  if (pathname === '/profile') return { page: 'profile' }
  if (pathname === '/account') return { page: 'account' }
  const join = /^\/join\/([^/]+)$/.exec(pathname)
  if (join?.[1]) return { page: 'join', code: decodeURIComponent(join[1]) }
  const transfer = /^\/transfer\/([^/]+)$/.exec(pathname)
  if (transfer?.[1]) return { page: 'transfer', token: decodeURIComponent(transfer[1]) }
  const permalink = /^\/rooms\/([^/]+)\/messages\/([^/]+)$/.exec(pathname)
  if (permalink?.[1] && permalink[2]) return { page: 'chat', roomId: decodeURIComponent(permalink[1]), messageId: decodeURIComponent(permalink[2]) }
  const room = /^\/rooms\/([^/]+)$/.exec(pathname)
  if (room?.[1]) return { page: 'chat', roomId: decodeURIComponent(room[1]) }
  return { page: 'chat' }
}

export const roomPath = (roomId: string) => `/rooms/${encodeURIComponent(roomId)}`
export const messagePath = (roomId: string, messageId: string) => `${roomPath(roomId)}/messages/${encodeURIComponent(messageId)}`
/** A permalink is absolute: it is pasted into messages, where only http(s) links survive sanitizing. */
export const permalink = (roomId: string, messageId: string) => `${location.origin}${messagePath(roomId, messageId)}`

/** Moves within the app without a page load; <hearth-app> listens for `popstate`. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (location.pathname === path) return
  if (options.replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  dispatchEvent(new PopStateEvent('popstate'))
}
