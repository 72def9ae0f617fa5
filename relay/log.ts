/** The relay's log: one line per event, to stderr. Never pass it message content or secrets. */
export interface Log {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export const consoleLog: Log = {
  info: (message) => console.error(`[hearth] ${message}`),
  warn: (message) => console.error(`[hearth] warn: ${message}`),
  error: (message) => console.error(`[hearth] error: ${message}`),
}

export const silentLog: Log = { info() {}, warn() {}, error() {} }
