/**
 * How the benchmark gets in. Hearth is measured with its door and write checks on: once accounts
 * exist, the harness runs first-run setup as an operator would, signs in, and opens rooms it is a
 * member of. Before accounts exist (first-run answers 404), anyone opens anything.
 */

export interface Access {
  /** How the benchmark got in, printed with every run. */
  mode: string
  /** The user the benchmark writes as: message keys start with it. */
  userId: string
  /** Appended to every socket URL (`?token=...` for tools), or empty. */
  query: string
  /** Sent with every socket upgrade (the session cookie), or empty. */
  headers: Record<string, string>
  /** The doc name of the benchmark's n-th room. */
  docName(room: number): string
  /** Makes sure rooms 0..count-1 exist and the benchmark's user may open them. */
  prepareRooms(count: number): Promise<void>
}

const BENCH_ACCOUNT = { name: 'Bench Operator', email: 'bench@hearth.invalid', password: 'correct horse battery staple bench' }

export async function hearthAccess(base: string): Promise<Access> {
  const firstRun = await post(base, '/api/first-run', BENCH_ACCOUNT)
  // Behind Hearth's open door everyone is 'anyone'.
  if (firstRun.status === 404) return openAccess('no accounts yet: open door', 'anyone')
  // First run signs the operator in; a signed-in session is what every later request and socket carries.
  const signIn = firstRun.ok ? firstRun : await post(base, '/api/session', { email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password })
  const cookie = sessionCookie(signIn)
  if (!cookie) throw new Error(`could not sign in to Hearth: ${signIn.status} ${await signIn.text()}`)
  const headers = { cookie }
  const me = await fetch(`${base}/api/me`, { headers })
  if (!me.ok) throw new Error(`GET /api/me answered ${me.status}`)
  const { id: userId } = (await me.json()) as { id: string }
  const roomIds: string[] = []
  return {
    mode: `signed in as administrator ${userId}, door and write checks on`,
    userId,
    query: '',
    headers,
    docName(room) {
      const id = roomIds[room]
      if (id === undefined) throw new Error(`room ${room} was not prepared`)
      return `room:${id}`
    },
    async prepareRooms(count) {
      while (roomIds.length < count) {
        const created = await post(base, '/api/rooms', { name: `bench ${roomIds.length}`, kind: 'open' }, headers)
        if (!created.ok) throw new Error(`POST /api/rooms answered ${created.status}: ${await created.text()}`)
        const body = (await created.json()) as { id?: string; room?: { id: string } }
        const id = body.id ?? body.room?.id
        if (!id) throw new Error(`POST /api/rooms answered without a room id: ${JSON.stringify(body)}`)
        roomIds.push(id)
      }
    },
  }
}

/** A server without accounts: anyone opens any doc, under any name, writing as `userId`. */
export const openAccess = (mode: string, userId: string): Access => ({
  mode,
  userId,
  query: '',
  headers: {},
  docName: (room) => `room:bench-${room}`,
  prepareRooms: async () => {},
})

function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

function sessionCookie(response: Response): string | undefined {
  const cookies = response.headers.getSetCookie()
  if (cookies.length === 0) return undefined
  return cookies.map((cookie) => cookie.split(';')[0]).join('; ')
}
