// Browser tests: test/browser/**/*.test.ts in Debian's Chromium, TypeScript through esbuild.
import { chromeLauncher } from '@web/test-runner-chrome'
import { esbuildPlugin } from '@web/dev-server-esbuild'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
}
