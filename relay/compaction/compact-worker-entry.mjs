// Worker threads do not reliably inherit the parent's `--import tsx` loader (they do under the
// test runner, not under `npm start`), so the worker registers tsx itself before loading its code.
import { register } from 'tsx/esm/api'

register()
await import('./compact-worker.ts')
