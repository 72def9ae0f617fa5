/**
 * The client build: lit elements from `client/` into `dist/client`, which the relay serves.
 * A small plugin writes the service worker with the exact list of files this build emitted, so
 * the app shell is precached on install and a reload with no network still opens the app.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'

const root = resolve(import.meta.dirname, 'client')

function serviceWorker(): Plugin {
  return {
    name: 'hearth-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      // Public files are not in the bundle: the sounds are listed by hand, so `/play` works offline too.
      const sounds = readdirSync(resolve(root, 'public/sounds')).map((file) => `/sounds/${file}`)
      const files = ['/', ...Object.keys(bundle).map((file) => `/${file}`), '/manifest.webmanifest', '/icon.svg', ...sounds]
      const version = Date.now().toString(36)
      const source = readFileSync(resolve(root, 'service-worker.js'), 'utf8')
        .replace('self.__PRECACHE__', JSON.stringify(files))
        .replace('self.__VERSION__', JSON.stringify(version))
      this.emitFile({ type: 'asset', fileName: 'sw.js', source })
    },
  }
}

export default defineConfig({
  root,
  publicDir: resolve(root, 'public'),
  plugins: [serviceWorker()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  esbuild: {
    // lit's decorators as the rest of the project compiles them (experimentalDecorators).
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  },
})
