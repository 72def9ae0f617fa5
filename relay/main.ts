/** `npm start`: Hearth on PORT with its database under HEARTH_DATA_DIR. */
import { configFromEnv } from './config.js'
import { startHearth } from './hearth.js'
import { consoleLog } from './log.js'

const config = configFromEnv()
const relay = await startHearth({ dataDir: config.dataDir, port: config.port, host: config.host, log: consoleLog })
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
