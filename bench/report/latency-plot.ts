/**
 * The latency distribution as an SVG a person can open: one panel per fanout shape, one curve per
 * server: latency (log scale) against percentile, with the percentile axis stretched towards the
 * tail (p50, p90, p99, p99.9 equally spaced, as HdrHistogram plots do) so the tail is readable.
 */
import type { ScenarioResult } from '../scenario.js'
import { TARGET_KINDS, TARGET_LABELS, type TargetKind } from '../targets/target.js'

const WIDTH = 760
const PANEL_HEIGHT = 300
const MARGIN = { left: 60, right: 20, top: 40, bottom: 45 }
const COLORS: Record<TargetKind, string> = { hearth: '#d9480f', reference: '#1971c2', 'reference-leveldb': '#2f9e44' }
const POINTS = 300
/** The percentile axis runs to p99.9: -log10(1 - 0.999) = 3. */
const TAIL_DEPTH = 3
const PERCENTILE_TICKS = [0, 0.5, 0.9, 0.99, 0.999]
const depthOf = (fraction: number) => -Math.log10(1 - Math.min(fraction, 1 - 10 ** -TAIL_DEPTH))

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!)

export function latencyPlot(result: ScenarioResult): string {
  const series = new Set<string>()
  for (const measurement of Object.values(result.byTarget)) for (const name of Object.keys(measurement?.latencies ?? {})) series.add(name)
  const panels = [...series]
  const height = Math.max(1, panels.length) * PANEL_HEIGHT
  const parts = panels.map((name, index) => panel(result, name, index * PANEL_HEIGHT))
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
${parts.join('\n')}
</svg>
`
}

function panel(result: ScenarioResult, name: string, top: number): string {
  const curves = TARGET_KINDS.flatMap((kind) => {
    const samples = result.byTarget[kind]?.latencies?.[name]
    return samples && samples.length > 0 ? [{ kind, sorted: [...samples].sort((a, b) => a - b) }] : []
  })
  const all = curves.flatMap((curve) => [curve.sorted[0]!, curve.sorted.at(-1)!])
  const low = Math.max(0.05, Math.min(...all, 1))
  const high = Math.max(...all, 10)
  const [logLow, logHigh] = [Math.log10(low), Math.log10(high)]
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom
  const x = (ms: number) => MARGIN.left + ((Math.log10(Math.max(ms, low)) - logLow) / (logHigh - logLow)) * plotWidth
  const y = (fraction: number) => top + MARGIN.top + (1 - depthOf(fraction) / TAIL_DEPTH) * plotHeight
  const out: string[] = [`<text x="${MARGIN.left}" y="${top + 22}" font-size="14" font-weight="bold">${escapeXml(`${result.name} / ${name}: delivery latency by percentile`)}</text>`]
  for (let decade = Math.ceil(logLow); decade <= Math.floor(logHigh); decade++) {
    const px = x(10 ** decade)
    out.push(`<line x1="${px}" y1="${y(0)}" x2="${px}" y2="${y(1)}" stroke="#ddd"/><text x="${px}" y="${y(0) + 16}" text-anchor="middle">${10 ** decade} ms</text>`)
  }
  for (const fraction of PERCENTILE_TICKS) {
    out.push(`<line x1="${MARGIN.left}" y1="${y(fraction)}" x2="${WIDTH - MARGIN.right}" y2="${y(fraction)}" stroke="#eee"/><text x="${MARGIN.left - 6}" y="${y(fraction) + 4}" text-anchor="end">p${+(fraction * 100).toFixed(1)}</text>`)
  }
  curves.forEach(({ kind, sorted }, index) => {
    const points: string[] = []
    for (let i = 0; i <= POINTS; i++) {
      const fraction = 1 - 10 ** (-(i / POINTS) * TAIL_DEPTH)
      const sample = sorted[Math.min(sorted.length - 1, Math.floor(fraction * (sorted.length - 1)))]!
      points.push(`${x(sample).toFixed(1)},${y(fraction).toFixed(1)}`)
    }
    out.push(`<polyline fill="none" stroke="${COLORS[kind]}" stroke-width="2" points="${points.join(' ')}"/>`)
    out.push(`<text x="${MARGIN.left + 10}" y="${top + MARGIN.top + 14 + index * 16}" fill="${COLORS[kind]}">${escapeXml(`${TARGET_LABELS[kind]} (${sorted.length} deliveries)`)}</text>`)
  })
  out.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${top + PANEL_HEIGHT - 8}" text-anchor="middle">delivery latency (log scale)</text>`)
  return out.join('\n')
}
