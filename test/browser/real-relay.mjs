// A real relay for the browser tests that need the HTTP API (room settings, profile, account).
// The page and the API must share an origin (the session cookie, the relay's same-origin check),
// so the test server forwards /api/* to a relay child process as if it were the relay itself.
// `POST /__relay/fresh` replaces it with a new one on an empty data directory: each test starts
// from its own first run; `POST /__relay/stop` takes it away. Nothing starts until a test asks,
// so other test files pay nothing. It runs the relay's bundle, as `npm start` does (built first
// when older than its sources): it starts in a fraction of the TypeScript loader's time.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** @type {{ child: import('node:child_process').ChildProcess, port: number, dataDir: string } | undefined} */
let current
let built = false

async function stop() {
  const relay = current
  current = undefined
  if (!relay) return
  const exited = new Promise((resolve) => relay.child.once('exit', resolve))
  relay.child.kill('SIGTERM')
  await exited
  rmSync(relay.dataDir, { recursive: true, force: true })
}

async function fresh() {
  await stop()
  if (!built) {
    const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs', 'relay'], { stdio: 'inherit' })
    if (build.status !== 0) throw new Error('building the relay failed')
    built = true
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-browser-'))
  const child = spawn(process.execPath, ['dist/relay/main.mjs'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HEARTH_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const port = await new Promise((resolve, reject) => {
    let output = ''
    child.stderr.on('data', (chunk) => {
      output += chunk.toString()
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output)
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', () => reject(new Error(`the test relay exited before listening:\n${output}`)))
  })
  current = { child, port, dataDir }
}

/** Forwards one request; Host and Origin become the relay's, so it sees what a browser on its own origin sends. */
function forward(ctx, port) {
  return new Promise((resolve) => {
    const host = `127.0.0.1:${port}`
    const headers = { ...ctx.req.headers, host }
    if (headers.origin) headers.origin = `http://${host}`
    const outgoing = request({ host: '127.0.0.1', port, method: ctx.req.method, path: ctx.req.url, headers }, (answer) => {
      ctx.respond = false
      ctx.res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(ctx.res)
      answer.on('end', resolve)
    })
    outgoing.on('error', (error) => {
      ctx.status = 502
      ctx.body = error.message
      resolve()
    })
    ctx.req.pipe(outgoing)
  })
}

// However the test run ends, the relay child ends with it.
process.once('exit', () => current?.child.kill('SIGKILL'))

export function realRelay() {
  return {
    name: 'hearth-real-relay',
    async serverStop() {
      await stop()
    },
  }
}

/** Koa middleware for the test server: /__relay/fresh and /api/*. */
export async function realRelayMiddleware(ctx, next) {
  if (ctx.path === '/__relay/fresh' && ctx.method === 'POST') {
    await fresh()
    ctx.status = 204
    return
  }
  // The relay gone (as when offline): /api/* answers 503, as a reverse proxy would.
  if (ctx.path === '/__relay/stop' && ctx.method === 'POST') {
    await stop()
    ctx.status = 204
    return
  }
  if (ctx.path.startsWith('/api/')) {
    if (!current) {
      ctx.status = 503
      ctx.body = 'no test relay: POST /__relay/fresh first'
      return
    }
    await forward(ctx, current.port)
    return
  }
  await next()
}
