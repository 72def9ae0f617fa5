/**
 * The operator's commands, working on the data directory (also while the relay runs: SQLite takes
 * turns, and the relay notices these commits within a second). Each prints what the operator needs
 * and nothing secret beyond what they asked for.
 */
import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Accounts } from '../accounts/accounts.js'
import { AccountError } from '../accounts/errors.js'
import type { User } from '../accounts/types.js'
import { silentLog } from '../log.js'
import { DATABASE_FILE, openDatabase } from '../storage/database.js'

export interface CliContext {
  dataDir: string
  /** Where people reach this Hearth, for links. */
  baseUrl: string
  /** A piped stdin (for reset-password), or undefined at a terminal. */
  readStdin: () => Promise<string | undefined>
  print: (line: string) => void
}

function withAccounts<T>(context: CliContext, work: (accounts: Accounts) => T | Promise<T>): Promise<T> {
  if (!existsSync(join(context.dataDir, DATABASE_FILE))) throw new AccountError('not_found', `No Hearth database in ${context.dataDir}`)
  const db = openDatabase(context.dataDir)
  const accounts = new Accounts(db, { log: silentLog })
  return Promise.resolve(work(accounts)).finally(() => db.close())
}

function person(accounts: Accounts, email: string): User {
  const user = accounts.people.findByEmail(email.trim().toLowerCase())
  if (!user || user.status !== 'active') throw new AccountError('not_found', `No active person with email ${email}`)
  return user
}

/** A session token for a tool or bot: send it as `Authorization: Bearer` or `?token=`. */
export const token = (context: CliContext, email: string) =>
  withAccounts(context, (accounts) => {
    const { token } = accounts.sessions.start(person(accounts, email).id, 'cli', 'hearth token')
    context.print(token)
  })

/** Sets a new password (read from stdin when piped, else generated and printed); every session ends. */
export const resetPassword = (context: CliContext, email: string) =>
  withAccounts(context, async (accounts) => {
    const user = person(accounts, email)
    const piped = (await context.readStdin())?.replace(/\r?\n$/, '')
    const password = piped || randomBytes(12).toString('base64url')
    if (password.length < 8) throw new AccountError('invalid', 'The password must be at least 8 characters')
    await accounts.resetPassword(user.id, password)
    context.print(piped ? `The password of ${user.email} was changed.` : `New password for ${user.email}: ${password}`)
  })

/** A link that signs the person in once within 4 hours: the way back for a forgotten password. */
export const transferLink = (context: CliContext, email: string) =>
  withAccounts(context, (accounts) => {
    const { token } = accounts.makeTransferLink('operator', person(accounts, email).id)
    context.print(`${context.baseUrl.replace(/\/$/, '')}/transfer/${token}`)
  })

export const createRoom = (context: CliContext, name: string, closed: boolean) =>
  withAccounts(context, (accounts) => {
    const room = accounts.rooms.create('operator', { name, kind: closed ? 'closed' : 'open' })
    context.print(room.id)
  })

/**
 * An online copy through SQLite's backup API: consistent even while the relay commits. After the
 * first step the rest is copied in one step, so a busy relay cannot make the copy restart forever.
 */
export async function backup(context: CliContext, file: string): Promise<void> {
  const source = join(context.dataDir, DATABASE_FILE)
  if (!existsSync(source)) throw new AccountError('not_found', `No Hearth database in ${context.dataDir}`)
  if (existsSync(file)) throw new AccountError('conflict', `${file} already exists`)
  const db = new Database(source, { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  try {
    const { totalPages } = await db.backup(file, { progress: () => 1_000_000 })
    context.print(`Backed up ${totalPages} pages to ${file}`)
  } finally {
    db.close()
  }
}
