// Runs every Node-side test (test/**/*.test.ts except test/browser) with node's own runner.
// Node 20's --test takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const only = process.argv.slice(2)
const files = []
const walk = (dir) => {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) {
      if (path !== join('test', 'browser')) walk(path)
    } else if (entry.endsWith('.test.ts') && (only.length === 0 || only.some((part) => path.includes(part)))) {
      files.push(path)
    }
  }
}
walk('test')
if (files.length === 0) {
  console.error('no test files matched')
  process.exit(1)
}
// End-to-end tests serve the built client: build it once here, not in parallel from each test file.
const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-force-exit', '--test-timeout=180000', ...files], { stdio: 'inherit' })
process.exit(result.status ?? 1)
