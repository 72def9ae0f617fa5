#!/usr/bin/env node
/**
 * Writes Hearth's `/play` sounds into client/public/sounds/ as small WAV files (mono, 22.05 kHz,
 * 16-bit, at most 1.3 s, so each stays under 60 KB). Every sound is synthesized here, from sines,
 * saws and seeded noise: nothing is copied from Campfire or anywhere else, and running this again
 * writes the same bytes. The names must match client/room/sounds.ts.
 *
 *   node scripts/make-sounds.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const RATE = 22_050
const OUT = resolve(import.meta.dirname, '../client/public/sounds')
const TAU = Math.PI * 2

/** A seeded PRNG (mulberry32), so noise is the same on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const samples = (seconds) => new Float64Array(Math.round(seconds * RATE))
const decay = (t, rate) => Math.exp(-t * rate)
/** A short fade in and out, so no sound starts or ends with a click. */
const edges = (i, n, fade = 0.004 * RATE) => Math.min(1, i / fade, (n - 1 - i) / fade)
const saw = (phase) => 2 * (phase / TAU - Math.floor(phase / TAU + 0.5))

/** Adds a tone from `start` for `length` seconds; `voice(phase, t)` shapes it, `envelope(t)` its loudness. */
function tone(out, { start = 0, length, frequency, glide = (f) => f, voice = Math.sin, envelope = () => 1, gain = 1 }) {
  let phase = 0
  const first = Math.round(start * RATE)
  const count = Math.min(Math.round(length * RATE), out.length - first)
  for (let i = 0; i < count; i++) {
    const t = i / RATE
    phase += (TAU * glide(frequency, t)) / RATE
    out[first + i] += gain * voice(phase, t) * envelope(t) * edges(i, count)
  }
}

const sounds = {
  /** A struck bell: inharmonic partials, the high ones dying first. */
  bell() {
    const out = samples(1.3)
    for (const [ratio, gain, rate] of [[1, 0.5, 3], [2.76, 0.25, 4.5], [5.4, 0.15, 7], [8.93, 0.08, 10]]) {
      tone(out, { length: 1.3, frequency: 523 * ratio, envelope: (t) => decay(t, rate), gain })
    }
    return out
  },
  /** A bright single ding. */
  ding() {
    const out = samples(0.8)
    tone(out, { length: 0.8, frequency: 1318, envelope: (t) => decay(t, 6), gain: 0.6 })
    tone(out, { length: 0.8, frequency: 2636, envelope: (t) => decay(t, 12), gain: 0.2 })
    return out
  },
  /** A snare roll that swells, then one hit. */
  drumroll() {
    const out = samples(1.3)
    const noise = random(7)
    const hits = []
    for (let t = 0, gap = 0.07; t < 1.0; t += gap, gap = Math.max(0.028, gap * 0.93)) hits.push(t)
    for (const [n, start] of hits.entries()) {
      const loud = 0.25 + (0.45 * n) / hits.length
      const first = Math.round(start * RATE)
      for (let i = 0; i < 0.06 * RATE && first + i < out.length; i++) out[first + i] += loud * (noise() * 2 - 1) * decay(i / RATE, 60)
    }
    const last = Math.round(1.05 * RATE)
    for (let i = 0; last + i < out.length; i++) {
      const t = i / RATE
      out[last + i] += 0.8 * ((noise() * 2 - 1) * 0.6 * decay(t, 14) + Math.sin(TAU * 90 * t) * decay(t, 9))
    }
    return out
  },
  /** Ta-da: a short brassy chord, then a longer one a fourth up. */
  tada() {
    const out = samples(1.2)
    const brass = (phase, t) => saw(phase) * 0.5 + Math.sin(phase) * 0.5 * (1 + 0.1 * Math.sin(TAU * 5 * t))
    for (const f of [392, 494, 587]) tone(out, { length: 0.16, frequency: f, voice: brass, envelope: () => 1, gain: 0.18 })
    for (const f of [523, 659, 784, 1046]) tone(out, { start: 0.2, length: 1.0, frequency: f, voice: brass, envelope: (t) => Math.min(1, t * 30) * decay(t, 2.2), gain: 0.16 })
    return out
  },
  /** An air horn: two detuned saws with a little wobble. */
  horn() {
    const out = samples(1.0)
    const wobble = (f, t) => f * (1 + 0.008 * Math.sin(TAU * 6 * t))
    for (const f of [233, 236.5, 466]) {
      tone(out, { length: 1.0, frequency: f, glide: wobble, voice: saw, envelope: (t) => Math.min(1, t * 25) * (t > 0.85 ? (1 - t) / 0.15 : 1), gain: f > 400 ? 0.12 : 0.22 })
    }
    return out
  },
  /** A pop: a sine dropping fast in pitch. */
  pop() {
    const out = samples(0.15)
    tone(out, { length: 0.15, frequency: 900, glide: (f, t) => f * decay(t, 22) + 180, envelope: (t) => decay(t, 30), gain: 0.8 })
    return out
  },
  /** Crickets: bursts of a high chirp, in threes. */
  crickets() {
    const out = samples(1.3)
    for (const group of [0, 0.45, 0.9]) {
      for (let k = 0; k < 3; k++) {
        tone(out, { start: group + k * 0.06, length: 0.04, frequency: 4200, voice: (phase, t) => Math.sin(phase) * (0.6 + 0.4 * Math.sin(TAU * 180 * t)), gain: 0.35 })
      }
    }
    return out
  },
  /** The sad trombone: three falling notes and a long wobbling last one. */
  trombone() {
    const out = samples(1.3)
    const horn = (phase) => saw(phase) * 0.6 + Math.sin(phase) * 0.4
    const notes = [[0, 0.24, 294], [0.27, 0.24, 277], [0.54, 0.24, 262], [0.81, 0.49, 247]]
    for (const [start, length, frequency] of notes) {
      const last = start > 0.8
      tone(out, { start, length, frequency, voice: horn, glide: last ? (f, t) => f * (1 - 0.01 * t + 0.02 * Math.sin(TAU * 7 * t)) : (f) => f,
        envelope: (t) => Math.min(1, t * 20) * (last ? decay(t, 2) : 1), gain: 0.35 })
    }
    return out
  },
}

/** Normalizes to 90% of full scale and writes a 16-bit PCM WAV. */
function wav(signal) {
  const peak = signal.reduce((max, s) => Math.max(max, Math.abs(s)), 0) || 1
  const data = Buffer.alloc(signal.length * 2)
  for (const [i, s] of signal.entries()) data.writeInt16LE(Math.round((s / peak) * 0.9 * 32767), i * 2)
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVE', 8)
  header.write('fmt ', 12)
  header.writeUInt32LE(16, 16) // fmt chunk size
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(RATE, 24)
  header.writeUInt32LE(RATE * 2, 28) // bytes per second
  header.writeUInt16LE(2, 32) // bytes per frame
  header.writeUInt16LE(16, 34) // bits per sample
  header.write('data', 36)
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}

mkdirSync(OUT, { recursive: true })
for (const [name, make] of Object.entries(sounds)) {
  const file = wav(make())
  writeFileSync(resolve(OUT, `${name}.wav`), file)
  console.log(`${name}.wav  ${(file.length / 1024).toFixed(1)} KB`)
}
