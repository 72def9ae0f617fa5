/** Results as the Markdown table printed to the terminal, written under bench/results and pasted into the README. */
import type { ScenarioResult } from '../scenario.js'
import { TARGET_LABELS, type TargetKind } from '../targets/target.js'

export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a'
  const magnitude = Math.abs(value)
  if (Number.isInteger(value)) return String(value)
  if (magnitude < 10) return value.toFixed(2)
  if (magnitude < 100) return value.toFixed(1)
  return Math.round(value).toString()
}

function ratio(hearth: number | null | undefined, reference: number | null | undefined): string {
  if (hearth === null || hearth === undefined || reference === null || reference === undefined) return 'n/a'
  if (reference === 0) return hearth === 0 ? '=' : 'n/a'
  return `${(hearth / reference).toFixed(2)}x`
}

export function scenarioTable(result: ScenarioResult): string {
  const cell = (kind: TargetKind, key: string) => {
    if (result.errors[kind]) return 'failed'
    return formatValue(result.byTarget[kind]?.values[key])
  }
  const lines = [
    `### ${result.title}`,
    '',
    `| Figure | unit | ${TARGET_LABELS.hearth} | ${TARGET_LABELS.reference} | ${TARGET_LABELS['reference-leveldb']} | Hearth ÷ memory | Hearth ÷ LevelDB |`,
    '|---|---|---:|---:|---:|---:|---:|',
  ]
  for (const figure of result.figures) {
    const hearth = result.byTarget.hearth?.values[figure.key]
    lines.push(`| ${figure.label} | ${figure.unit} | ${cell('hearth', figure.key)} | ${cell('reference', figure.key)} | ${cell('reference-leveldb', figure.key)} | ${ratio(hearth, result.byTarget.reference?.values[figure.key])} | ${ratio(hearth, result.byTarget['reference-leveldb']?.values[figure.key])} |`)
  }
  const notes = (Object.entries(result.byTarget) as Array<[TargetKind, { notes?: string[] }]>)
    .flatMap(([kind, measurement]) => (measurement.notes ?? []).map((note) => `- ${TARGET_LABELS[kind]}: ${note}`))
  const errors = (Object.entries(result.errors) as Array<[TargetKind, string]>).map(([kind, error]) => `- ${TARGET_LABELS[kind]} failed: ${error}`)
  if (notes.length + errors.length > 0) lines.push('', ...notes, ...errors)
  return lines.join('\n')
}
