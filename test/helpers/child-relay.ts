/**
 * Hearth as an operator runs it (`npm start`'s bundle, dist/relay/main.mjs, in its own process), for
 * kill -9 and signal tests. scripts/test-node.mjs builds the bundle before the tests run.
 */
import { spawn, type ChildProcess } from 'node:child_process'

export interface ChildRelay {
  process: ChildProcess
  port: number
  exited: Promise<number | null>
}

export async function spawnRelay(dataDir: string, env: Record<string, string> = {}): Promise<ChildRelay> {
  const child = spawn(process.execPath, ['dist/relay/main.mjs'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HEARTH_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/listening on http:\/\/[^:]+:(\d+)/)
      if (match) resolve(Number(match[1]))
    })
    child.on('exit', () => reject(new Error(`relay exited before listening:\n${output}`)))
  })
  return { process: child, port, exited }
}

export interface Operator {
  userId: string
  token: string
  cookie: string
  /** The doc name of "All Talk", the room every first run creates. */
  allTalk: string
}

/** The first visit: sets up the account through the HTTP API, as the operator's browser would. */
export async function setUpAccount(port: number): Promise<Operator> {
  const response = await fetch(`http://127.0.0.1:${port}/api/first-run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'David', email: 'david@example.com', password: 'a long and careful passphrase' }),
  })
  if (response.status !== 201) throw new Error(`first run answered ${response.status}: ${await response.text()}`)
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!
  const token = cookie.slice(cookie.indexOf('=') + 1)
  const { user } = (await response.json()) as { user: { id: string } }
  const rooms = (await (await fetch(`http://127.0.0.1:${port}/api/rooms`, { headers: { cookie } })).json()) as { rooms: Array<{ id: string; name: string }> }
  const allTalk = rooms.rooms.find((room) => room.name === 'All Talk')!
  return { userId: user.id, token, cookie, allTalk: `room:${allTalk.id}` }
}
