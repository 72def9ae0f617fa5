// pretest: browser tests need Debian's Chromium. Install it when we can (root with apt-get),
// otherwise stop with a message that says how. Nothing here downloads a browser build.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0
  let hasApt = false
  try {
    execSync('command -v apt-get', { stdio: 'ignore' })
    hasApt = true
  } catch {}
  if (isRoot && hasApt) {
    console.error(`${CHROMIUM} is missing: installing Debian's chromium with apt-get`)
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' })
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Browser tests need Chromium at ${CHROMIUM}. Install it with: sudo apt-get install chromium (or set CHROMIUM_PATH).`)
    process.exit(1)
  }
}
