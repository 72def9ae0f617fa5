/**
 * The servers a scenario runs against: Hearth, and the reference y-websocket server with and
 * without its LevelDB persistence. Each gets a fresh data directory and port per scenario.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { freePort } from './free-port.js'
import { ServerProcess } from './server-process.js'
import type { ProcessSample } from './process-stats.js'
import { hearthAccess, openAccess, type Access } from './hearth-access.js'

export type TargetKind = 'hearth' | 'reference' | 'reference-leveldb'
export const TARGET_KINDS: readonly TargetKind[] = ['hearth', 'reference', 'reference-leveldb']
export const TARGET_LABELS: Record<TargetKind, string> = {
  hearth: 'Hearth',
  reference: 'y-websocket (memory)',
  'reference-leveldb': 'y-websocket (LevelDB)',
}

export interface Target {
  readonly kind: TargetKind
  readonly label: string
  /** Whether the target keeps documents across a restart. */
  readonly persists: boolean
  readonly port: number
  readonly access: Access
  readonly pid: number
  /** Where a y-websocket client opens a doc. */
  url(docName: string): string
  sample(): ProcessSample
  /** The last lines the server wrote to stderr. */
  stderr(): string[]
  /** Stops (SIGTERM) and starts again on the same data; resolves with ms until it accepts connections. */
  restart(): Promise<number>
  kill9(): Promise<void>
  start(): Promise<number>
  /** Stops it and removes its data. */
  dispose(): Promise<void>
}

const require = createRequire(import.meta.url)

export async function startTarget(kind: TargetKind): Promise<Target> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), `hearth-bench-${kind}-`))
  const server = kind === 'hearth'
    ? new ServerProcess(kind, {
        port,
        args: ['dist/relay/main.mjs'],
        env: { PORT: String(port), HOST: '127.0.0.1', HEARTH_DATA_DIR: dataDir },
      })
    : new ServerProcess(kind, {
        port,
        args: [join(require.resolve('@y/websocket-server/package.json'), '..', 'src', 'server.js')],
        env: { PORT: String(port), HOST: '127.0.0.1', ...(kind === 'reference-leveldb' ? { YPERSISTENCE: dataDir } : {}) },
      })
  await server.start()
  const access: Access = kind === 'hearth' ? await hearthAccess(`http://127.0.0.1:${port}`) : openAccess('no accounts (the reference has none)', 'bench')
  const base = kind === 'hearth' ? `ws://127.0.0.1:${port}/sync/` : `ws://127.0.0.1:${port}/`
  return {
    kind,
    label: TARGET_LABELS[kind],
    persists: kind !== 'reference',
    port,
    access,
    get pid() { return server.pid },
    url: (docName) => `${base}${encodeURIComponent(docName)}${access.query}`,
    sample: () => server.sample(),
    stderr: () => [...server.stderr],
    async restart() {
      await server.stop()
      return server.start()
    },
    kill9: () => server.kill9(),
    start: () => server.start(),
    async dispose() {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
