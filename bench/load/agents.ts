/**
 * The load generator's processes. Each agent is a child process (its own event loop, its own file
 * descriptors: the hard limit is 20,000 per process) that runs commands sent over IPC and answers
 * with results and its own CPU use.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { AgentCommand, AgentReply } from './agent-protocol.js'

const AGENT_SCRIPT = fileURLToPath(new URL('./agent.ts', import.meta.url))

export class Agent {
  private nextId = 1
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  private readonly exited: Promise<void>

  constructor(readonly index: number, private readonly child: ChildProcess) {
    child.on('message', (reply: AgentReply) => {
      const waiter = this.pending.get(reply.id)
      if (!waiter) return
      this.pending.delete(reply.id)
      if (reply.error !== undefined) waiter.reject(new Error(`agent ${index}: ${reply.error}`))
      else waiter.resolve(reply.result)
    })
    this.exited = new Promise((resolve) => child.once('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`agent ${index} exited with ${code}`))
      this.pending.clear()
      resolve()
    }))
  }

  /** Source addresses 127.<agent+1>.<round>.1: every agent and round has its own ephemeral ports. */
  localAddress(round = 0): string {
    return `127.${this.index + 1}.${round % 250}.1`
  }

  call<R>(command: AgentCommand, timeoutMs: number): Promise<R> {
    const id = this.nextId++
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`agent ${this.index}: ${command.name} took longer than ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(id, {
        resolve: (value) => { clearTimeout(timer); resolve(value as R) },
        reject: (error) => { clearTimeout(timer); reject(error) },
      })
      this.child.send({ id, command })
    })
  }

  async stop(): Promise<void> {
    this.child.kill('SIGTERM')
    await this.exited
  }
}

export async function startAgents(count: number): Promise<Agent[]> {
  const agents: Agent[] = []
  for (let index = 0; index < count; index++) {
    const child = fork(AGENT_SCRIPT, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    agents.push(new Agent(index, child))
  }
  return agents
}

export async function stopAgents(agents: Agent[]): Promise<void> {
  await Promise.all(agents.map((agent) => agent.stop()))
}
