/** What the kernel says about a server process: resident memory and CPU time, read from /proc. */
import { readFileSync } from 'node:fs'

/** Linux reports utime/stime in clock ticks; 100 per second on every kernel we run on. */
const CLOCK_TICKS_PER_SECOND = 100

export interface ProcessSample {
  rssBytes: number
  /** User plus system CPU time since the process started, in seconds. */
  cpuSeconds: number
}

export function sampleProcess(pid: number): ProcessSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const rssKb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN)
  // The command name (field 2) may hold spaces, so count fields from the closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return { rssBytes: rssKb * 1024, cpuSeconds: (utime + stime) / CLOCK_TICKS_PER_SECOND }
}

/** The load generator's own CPU, reported so a reader can tell it was not the bottleneck. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

export const MiB = 1024 * 1024
