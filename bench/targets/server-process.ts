/**
 * A server as an operator runs it: a child process with its own environment, started, stopped with
 * SIGTERM, or killed with SIGKILL. Its stderr is drained (a full pipe would stall it) and the last
 * lines are kept for the error message when it dies unexpectedly.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { listening } from './free-port.js'
import { sampleProcess, type ProcessSample } from './process-stats.js'

const KEPT_STDERR_LINES = 20
const STOP_TIMEOUT_MS = 20_000

export interface ServerCommand {
  args: string[]
  env: Record<string, string>
  port: number
}

export class ServerProcess {
  private child: ChildProcess | undefined
  private exited: Promise<void> = Promise.resolve()
  readonly stderr: string[] = []

  constructor(private readonly label: string, private readonly command: ServerCommand) {}

  get pid(): number {
    const pid = this.child?.pid
    if (pid === undefined || this.child?.exitCode !== null) throw new Error(`${this.label} is not running\n${this.stderr.join('\n')}`)
    return pid
  }

  /** Spawns the server and resolves with the milliseconds until it accepted a connection. */
  async start(): Promise<number> {
    const began = performance.now()
    const child = spawn(process.execPath, this.command.args, {
      cwd: process.cwd(),
      env: { ...process.env, ...this.command.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    this.child = child
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()))
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) this.stderr.push(line)
      this.stderr.splice(0, Math.max(0, this.stderr.length - KEPT_STDERR_LINES))
    })
    await Promise.race([
      listening(this.command.port),
      this.exited.then(() => { throw new Error(`${this.label} exited at start:\n${this.stderr.join('\n')}`) }),
    ])
    return performance.now() - began
  }

  sample(): ProcessSample {
    return sampleProcess(this.pid)
  }

  /** SIGTERM, as an operator stops a service; SIGKILL if it does not go within the timeout. */
  async stop(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    await this.exited
    clearTimeout(timer)
  }

  /** `kill -9`: no handler runs, nothing is flushed. */
  async kill9(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGKILL')
    await this.exited
  }
}
