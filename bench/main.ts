/**
 * `npm run bench [-- <scenario>...] [--quick]`: every scenario against Hearth and against the
 * reference y-websocket server (in memory and with LevelDB), one target after the other on the
 * same machine in the same run. Prints each figure with the ratio, and writes JSON, Markdown and
 * an SVG latency plot under bench/results/.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import { startAgents, stopAgents } from './load/agents.js'
import { latencyPlot } from './report/latency-plot.js'
import { scenarioTable } from './report/table.js'
import { SCENARIOS } from './scenarios/index.js'
import type { BenchContext, ScenarioResult } from './scenario.js'
import { startTarget, TARGET_KINDS, TARGET_LABELS, type TargetKind } from './targets/target.js'

const RESULTS_DIR = new URL('./results/', import.meta.url)
/** Enough processes that no single load agent runs hot; each holds at most ~5,000 sockets. */
const AGENTS = 4

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    targets: { type: 'string', default: TARGET_KINDS.join(',') },
  },
})

// Hearth is measured as `npm start` runs it: the relay bundle, built if its sources changed.
const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs', 'relay'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const unknown = positionals.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name))
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`)
  process.exit(2)
}
const chosen = positionals.length > 0 ? SCENARIOS.filter((scenario) => positionals.includes(scenario.name)) : SCENARIOS
const targets = flags.targets.split(',').filter((kind): kind is TargetKind => (TARGET_KINDS as readonly string[]).includes(kind))

const startedAt = new Date()
const stamp = startedAt.toISOString().replace(/[:.]/g, '-')
const agents = await startAgents(AGENTS)
const context: BenchContext = { quick: flags.quick, agents, say: (line) => console.log(line) }
const results: ScenarioResult[] = []
let hearthMode = 'not run'
console.log(`Hearth benchmark ${flags.quick ? '(quick) ' : ''}on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`)

try {
  for (const scenario of chosen) {
    const result: ScenarioResult = { name: scenario.name, title: scenario.title, figures: scenario.figures, byTarget: {}, errors: {} }
    for (const kind of targets) {
      console.log(`${scenario.name}: ${TARGET_LABELS[kind]}`)
      const began = performance.now()
      const target = await startTarget(kind)
      if (kind === 'hearth') {
        hearthMode = target.access.mode.replace(/ \S+, door/, ', door')
        console.log(`  ${target.access.mode}`)
      }
      try {
        result.byTarget[kind] = await scenario.measure(target, context)
      } catch (error) {
        result.errors[kind] = (error as Error).message.split('\n')[0]!
        console.log(`  failed: ${(error as Error).message}`)
        await Promise.allSettled(agents.map((agent) => agent.call({ name: 'reset' }, 120_000)))
      } finally {
        // What the server complained about, so a figure is never read without its context.
        for (const line of target.stderr().filter((line) => /error|warn|fail/i.test(line)).slice(-5)) console.log(`  ${kind} said: ${line}`)
        await target.dispose()
      }
      console.log(`  done in ${((performance.now() - began) / 1000).toFixed(1)} s`)
    }
    results.push(result)
    writeResults()
    console.log(`\n${scenarioTable(result)}\n`)
  }
} finally {
  await stopAgents(agents)
}

console.log(`results in bench/results/${stamp}.{json,md} (and latest.*)`)

/** Written after every scenario, so a long run that dies late keeps what it measured. */
function writeResults(): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const command = `npm run bench --${flags.quick ? ' --quick' : ''}${positionals.length ? ` ${positionals.join(' ')}` : ''}`
  const markdown = [
    `# Hearth benchmark, ${startedAt.toISOString()}`,
    '',
    ...(flags.quick ? ['Quick mode: every size is reduced (see each scenario); the titles give the full run\'s sizes.', ''] : []),
    `\`${command}\` on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}. Hearth: ${hearthMode}.`,
    '',
    ...results.map(scenarioTable).flatMap((table) => [table, '']),
  ].join('\n')
  const json = JSON.stringify({ startedAt, command, quick: flags.quick, hearth: hearthMode, results }, (key, value) => (key === 'latencies' ? undefined : value), 2)
  writeFileSync(new URL(`${stamp}.json`, RESULTS_DIR), json)
  writeFileSync(new URL(`${stamp}.md`, RESULTS_DIR), markdown)
  writeFileSync(new URL('latest.json', RESULTS_DIR), json)
  writeFileSync(new URL('latest.md', RESULTS_DIR), markdown)
  for (const result of results) {
    if (!Object.values(result.byTarget).some((measurement) => measurement?.latencies)) continue
    const svg = latencyPlot(result)
    writeFileSync(new URL(`${stamp}-${result.name}-latency.svg`, RESULTS_DIR), svg)
    writeFileSync(new URL(`latest-${result.name}-latency.svg`, RESULTS_DIR), svg)
  }
}
