/**
 * Passwords and tokens. Passwords go through scrypt (built into node, memory-hard, slow on purpose)
 * with a salt per user; tokens are 32 random bytes that only their holder ever sees: the database
 * keeps their sha256, so a stolen copy of it cannot be replayed as a session.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** N=2^15, r=8: about 32 MiB and ~100 ms per hash, which makes guessing expensive. */
const COST = { N: 2 ** 15, r: 8, p: 1 }
const KEY_BYTES = 32
const MAX_MEMORY = 64 * 1024 * 1024

function derive(password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: MAX_MEMORY }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/** `scrypt:N:r:p:salt:key`, so the cost can rise later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(':')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split(':')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A hash that costs the same as a real one: signing in as nobody takes as long as a wrong password. */
let decoy: Promise<string> | undefined
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(16).toString('hex')))

export const newToken = (): string => randomBytes(32).toString('base64url')

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Join codes are typed or pasted in a link: short, unambiguous, unguessable enough behind the throttle. */
export const newJoinCode = (): string => randomBytes(9).toString('base64url')
