/** Settings from the environment; every one has a default that works on a fresh machine. */
export interface Config {
  port: number
  host: string
  dataDir: string
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${JSON.stringify(env.PORT)}`)
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.HEARTH_DATA_DIR ?? './data',
  }
}
