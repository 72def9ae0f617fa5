#!/usr/bin/env node
// `npx hearth ...`: runs the TypeScript CLI through tsx, resolved from this package, not the caller's directory.
import { register } from 'tsx/esm/api'

register()
await import('../relay/cli/main.ts')
