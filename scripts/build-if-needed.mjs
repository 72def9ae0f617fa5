// `npm start` runs this first: build the client when dist/client is missing or older than any
// file under client/ or shared/ (or vite.config.ts), so a fresh checkout serves the app without a manual step.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const OUTPUT = join('dist', 'client', 'index.html')

function newestUnder(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestUnder(join(path, entry)))
  return newest
}

function builtAt() {
  try {
    return statSync(OUTPUT).mtimeMs
  } catch {
    return -1
  }
}

// The client also bundles shared/ (the room schema, the protocol codecs).
const sources = Math.max(newestUnder('client'), newestUnder('shared'), newestUnder('vite.config.ts'))
if (builtAt() < sources) {
  console.error('[hearth] building the client (dist/client is missing or older than client/)')
  const result = spawnSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
