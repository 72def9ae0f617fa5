/** What a scenario is: figures it reports, and how it measures one target. */
import type { Agent } from './load/agents.js'
import type { Target, TargetKind } from './targets/target.js'

export interface FigureSpec {
  key: string
  label: string
  unit: string
  /** Which way is better, for the ratio's reading; 'none' for counts that must simply be 0. */
  better: 'lower' | 'higher' | 'none'
}

export interface Measurement {
  values: Record<string, number | null>
  /** Latency samples (ms) per series, for the distribution plot. */
  latencies?: Record<string, number[]>
  notes?: string[]
}

export interface BenchContext {
  quick: boolean
  agents: Agent[]
  say(line: string): void
}

export interface Scenario {
  name: string
  title: string
  figures: FigureSpec[]
  measure(target: Target, context: BenchContext): Promise<Measurement>
}

export interface ScenarioResult {
  name: string
  title: string
  figures: FigureSpec[]
  byTarget: Partial<Record<TargetKind, Measurement>>
  errors: Partial<Record<TargetKind, string>>
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Waits until the server has gone quiet (under 5% of a core for a second), at most `limitMs`: a
 * server that writes behind (LevelDB's queue, Hearth's compaction worker) gets to finish before it
 * is restarted, so a restart measures start-up, not lost work.
 */
export async function quiet(target: { sample(): { cpuSeconds: number } }, quick: boolean, limitMs = 60_000): Promise<void> {
  const deadline = performance.now() + limitMs
  const stepMs = quick ? 300 : 1_000
  let last = target.sample().cpuSeconds
  while (performance.now() < deadline) {
    await sleep(stepMs)
    const now = target.sample().cpuSeconds
    if (now - last < 0.05 * (stepMs / 1_000) + 0.011) return
    last = now
  }
}
