// `npm start` runs this first, so a fresh checkout serves the app without a manual step:
// - the client (vite) when dist/client is missing or older than client/, shared/ or vite.config.ts;
// - the relay (esbuild, one ES module per entry, packages left in node_modules) when dist/relay is
//   missing or older than relay/ or shared/. Running plain JavaScript saves the TypeScript loader's
//   start-up (about 0.8 s here); tests and the CLI still run the sources through tsx.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestUnder(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestUnder(join(path, entry)))
  return newest
}

function builtAt(file) {
  try {
    return statSync(file).mtimeMs
  } catch {
    return -1
  }
}

const only = process.argv[2] // 'client' or 'relay'; both when absent

if (only !== 'relay' && builtAt(join('dist', 'client', 'index.html')) < Math.max(newestUnder('client'), newestUnder('shared'), newestUnder('vite.config.ts'))) {
  console.error('[hearth] building the client (dist/client is missing or older than its sources)')
  const result = spawnSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (only !== 'client' && builtAt(join('dist', 'relay', 'main.mjs')) < Math.max(newestUnder('relay'), newestUnder('shared'), newestUnder('migrations'))) {
  console.error('[hearth] building the relay (dist/relay is missing or older than its sources)')
  const { build } = await import('esbuild')
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' }
  // dist/relay sits as deep as relay/storage and relay/compaction, so `../../migrations/` and the
  // worker's `./compact-worker-entry.mjs` resolve the same from the bundle as from the sources.
  await build({ ...common, entryPoints: { main: 'relay/main.ts' }, outdir: join('dist', 'relay'), outExtension: { '.js': '.mjs' } })
  await build({ ...common, entryPoints: { 'compact-worker-entry': 'relay/compaction/compact-worker.ts' }, outdir: join('dist', 'relay'), outExtension: { '.js': '.mjs' } })
}
