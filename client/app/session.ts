/**
 * Who is signed in on this device. The relay answers /api/me; with no network the last answer is
 * remembered (localStorage), so the app opens offline. Signing out forgets everything this device
 * held: every IndexedDB copy and every remembered value.
 */
import type { HearthApi, Me } from '../api/hearth-api.js'

const ME_KEY = 'hearth:me'

export type SessionCheck = { me: Me; offline: boolean } | undefined

export async function currentSession(api: HearthApi): Promise<SessionCheck> {
  try {
    const me = await api.me()
    if (me) localStorage.setItem(ME_KEY, JSON.stringify(me))
    else localStorage.removeItem(ME_KEY)
    return me ? { me, offline: false } : undefined
  } catch {
    const remembered = rememberedMe()
    return remembered ? { me: remembered, offline: true } : undefined
  }
}

function rememberedMe(): Me | undefined {
  try {
    const parsed = JSON.parse(localStorage.getItem(ME_KEY) ?? 'null') as Partial<Me> | null
    if (parsed && typeof parsed.id === 'string' && typeof parsed.name === 'string') {
      return { id: parsed.id, name: parsed.name, role: parsed.role ?? 'member' }
    }
  } catch {
    // A damaged entry is as good as none.
  }
  return undefined
}

/** Deletes every Hearth copy on this device (docs are IndexedDB databases named after them). */
export async function eraseDevice(): Promise<void> {
  for (const key of Object.keys(localStorage)) if (key.startsWith('hearth:')) localStorage.removeItem(key)
  const databases = await indexedDB.databases()
  await Promise.all(
    databases
      .map((db) => db.name)
      .filter((name): name is string => !!name && (name === 'account' || name.startsWith('user:') || name.startsWith('room:')))
      .map((name) => new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(name)
        request.onsuccess = request.onerror = request.onblocked = () => resolve()
      })),
  )
}
