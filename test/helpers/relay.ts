/** Test fixtures: a real relay on a real port with a real SQLite file, and stock clients. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket as WebSocketPolyfill } from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { allowAllWrites } from '../../relay/docs/write-authorizer.js'
import { openDoor } from '../../relay/door.js'
import { startHearth, type HearthOptions } from '../../relay/hearth.js'
import { silentLog } from '../../relay/log.js'
import type { Relay } from '../../relay/relay.js'

export function tempDir(prefix = 'hearth-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export interface TestRelay {
  relay: Relay
  dataDir: string
  /** Stops the relay and removes its files. */
  stop(): Promise<void>
}

/** `withAccounts`: the product's door (sessions, memberships); otherwise anyone may open any doc. */
export async function startTestRelay({ withAccounts = false, ...options }: Partial<HearthOptions> & { withAccounts?: boolean } = {}): Promise<TestRelay> {
  const dataDir = options.dataDir ?? tempDir()
  const door = options.door ?? (withAccounts ? undefined : openDoor)
  // Behind the open door everyone is 'anyone', so the ownership rules cannot apply: writes are free.
  const authorizer = options.authorizer ?? (door === openDoor ? allowAllWrites : undefined)
  const relay = await startHearth({ log: silentLog, ...options, door, authorizer, dataDir, port: options.port ?? 0 })
  return {
    relay,
    dataDir,
    async stop() {
      await relay.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A stock y-websocket provider as a tool or bot would use it (no BroadcastChannel: it must go through the relay). */
export function stockClient(port: number, docName: string, doc = new Y.Doc(), params: Record<string, string> = {}) {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, docName, doc, {
    WebSocketPolyfill: WebSocketPolyfill as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  })
  // The stock provider leaves its Awareness's 30 s timer running after destroy; stop it too.
  const destroy = provider.destroy.bind(provider)
  provider.destroy = () => {
    destroy()
    provider.awareness.destroy()
  }
  return { doc, provider }
}

export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve) => provider.once('sync', (isSynced: boolean) => isSynced && resolve()))
}

/** Polls until `check` passes or the deadline passes (then throws with the last failure). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, everyMs))
    }
  }
}
