/** `npm start`: Hearth on PORT with its database under HEARTH_DATA_DIR. */
import { configFromEnv } from './config.js'
import { startHearth } from './hearth.js'
import { consoleLog } from './log.js'

const config = configFromEnv()
// HEARTH_TRUST_PROXY=1 behind a reverse proxy that sets X-Forwarded-For (bans and throttles need the real address).
const trustProxy = process.env.HEARTH_TRUST_PROXY === '1'
const relay = await startHearth({ dataDir: config.dataDir, port: config.port, host: config.host, log: consoleLog, trustProxy })
consoleLog.info(`listening on http://${config.host}:${relay.port} with data in ${config.dataDir}`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    consoleLog.info(`${signal}: finishing commits and closing`)
    relay.close().then(
      () => process.exit(0),
      (error: Error) => {
        consoleLog.error(`shutdown failed: ${error.message}`)
        process.exit(1)
      },
    )
  })
}
