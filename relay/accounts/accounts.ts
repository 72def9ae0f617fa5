/**
 * Accounts as people use them: first run, joining, signing in and out, transfer links, profiles.
 * Roles, deactivation and bans live in Moderation, rooms in RoomDirectory. Every rule about who may
 * do what is checked in these, so the HTTP API and the CLI cannot disagree.
 */
import type Database from 'better-sqlite3'
import { createHash, timingSafeEqual } from 'node:crypto'
import { consoleLog, type Log } from '../log.js'
import type { Relay } from '../relay.js'
import type { Ban } from './moderation.js'
import { Account, DEFAULT_ACCOUNT_NAME } from './account.js'
import { AccountDoor } from './account-door.js'
import { refuse } from './errors.js'
import { administrator, Moderation } from './moderation.js'
import { newId } from './ids.js'
import { LiveEffects } from './live-effects.js'
import { People } from './people.js'
import { RoomDirectory } from './room-directory.js'
import { Rooms } from './rooms.js'
import { decoyHash, hashPassword, verifyPassword } from './secrets.js'
import { Sessions, type Session } from './sessions.js'
import { Throttle } from './throttle.js'
import type { User } from './types.js'

export const FIRST_ROOM_NAME = 'All Talk'
export type { Ban }

export interface AccountsOptions {
  log?: Log
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy that sets it). */
  trustProxy?: boolean
  /** Called after a ban, e.g. to erase the person's messages. */
  onBanned?: (ban: Ban) => void | Promise<void>
}

export interface Signup {
  name: string
  email: string
  password: string
}

/** Where a new session comes from: remembered so a ban can block the address. */
export interface Origin {
  address: string
  userAgent?: string
}

export interface SignedIn {
  user: User
  session: Session
  token: string
}

export class Accounts {
  readonly account: Account
  readonly people: People
  readonly sessions: Sessions
  readonly roomStore: Rooms
  readonly rooms: RoomDirectory
  readonly door: AccountDoor
  readonly live: LiveEffects
  readonly moderation: Moderation
  /** Each kind of guess is counted apart: colleagues joining from one office do not lock its sign-ins. */
  private readonly throttles = { signIn: new Throttle(), join: new Throttle(), transfer: new Throttle() }
  private relay: Relay | undefined

  constructor(db: Database.Database, private readonly options: AccountsOptions = {}) {
    this.account = new Account(db)
    this.people = new People(db)
    this.sessions = new Sessions(db)
    this.roomStore = new Rooms(db)
    this.door = new AccountDoor({ people: this.people, sessions: this.sessions, rooms: this.roomStore }, options.trustProxy)
    this.live = new LiveEffects(db, { account: this.account, people: this.people, rooms: this.roomStore, sessions: this.sessions }, this.door, options.log ?? consoleLog)
    this.rooms = new RoomDirectory(db, this.account, this.people, this.roomStore, this.live)
    this.transaction = <T>(work: () => T): T => db.transaction(work).immediate()
    this.moderation = new Moderation(this, this.transaction, { ...options, relay: () => this.relay })
  }

  private readonly transaction: <T>(work: () => T) => T

  attach(relay: Relay): void {
    this.relay = relay
    this.live.attach(relay)
  }

  /** Creates the account, its first open room and its first administrator; only ever once. */
  async firstRun(signup: Signup & { accountName?: string }, origin: Origin): Promise<SignedIn> {
    if (this.account.exists()) refuse('conflict', 'This Hearth is already set up')
    const passwordHash = await hashPassword(signup.password)
    const user = this.transaction(() => {
      // Checked again inside the write lock: of two racing first runs, exactly one gets here first.
      if (this.account.exists()) refuse('conflict', 'This Hearth is already set up')
      this.account.create(signup.accountName ?? DEFAULT_ACCOUNT_NAME)
      const user = this.people.create({ id: newId(), name: signup.name, email: signup.email, passwordHash, role: 'administrator' })
      const room = this.roomStore.create({ id: newId(), kind: 'open', name: FIRST_ROOM_NAME, creatorId: user.id })
      this.roomStore.grant(room.id, [user.id], 'open')
      return user
    })
    this.live.refreshEverything()
    return this.startSession(user, origin)
  }

  /** Joining with the account's join code makes a member of every open room. */
  async join(code: string, signup: Signup, origin: Origin): Promise<SignedIn> {
    this.throttled('join', origin)
    if (!this.isJoinCode(code)) refuse('not_found', 'This join link is not valid (any more)')
    if (this.people.emailTaken(signup.email)) refuse('conflict', 'Someone already uses that email address')
    const passwordHash = await hashPassword(signup.password)
    const user = this.transaction(() => {
      if (this.people.emailTaken(signup.email)) refuse('conflict', 'Someone already uses that email address')
      const user = this.people.create({ id: newId(), name: signup.name, email: signup.email, passwordHash, role: 'member' })
      for (const room of this.roomStore.open()) this.roomStore.grant(room.id, [user.id], 'open')
      return user
    })
    this.live.refreshAccount()
    this.rooms.refreshMembersOf(this.roomStore.open().map((room) => room.id))
    return this.startSession(user, origin)
  }

  async signIn(email: string, password: string, origin: Origin): Promise<SignedIn> {
    this.throttled('signIn', origin)
    const user = this.people.findByEmail(email)
    // Unknown emails cost a full hash too, so timing does not tell who has an account.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()))
    if (!user || !matches || user.status !== 'active') refuse('unauthorized', 'Wrong email address or password')
    return this.startSession(user, origin)
  }

  signOut(session: Session): void {
    this.sessions.end(session.id)
    this.live.endSession(session.id)
  }

  /** The session and person a token stands for, if both are still good. */
  authenticate(token: string): { session: Session; user: User } | undefined {
    const session = this.sessions.findByToken(token)
    const user = session && this.people.find(session.userId)
    return session && user ? { session, user } : undefined
  }

  /** A link that signs `userId` in on another device; admins make them for anyone (password recovery). */
  makeTransferLink(actor: User | 'operator', userId: string): { token: string; expiresAt: number } {
    if (actor !== 'operator' && actor.id !== userId && actor.role !== 'administrator') refuse('forbidden', 'Only administrators make links for others')
    const user = this.people.find(userId)
    if (!user || user.status !== 'active') refuse('not_found', 'No such active person')
    return this.sessions.makeTransferLink(userId)
  }

  redeemTransferLink(token: string, origin: Origin): SignedIn {
    this.throttled('transfer', origin)
    const userId = this.sessions.redeemTransferLink(token)
    const user = userId && this.people.find(userId)
    if (!user) return refuse('not_found', 'This link has expired or was already used')
    return this.startSession(user, origin)
  }

  async updateProfile(actor: User, changes: { name?: string; bio?: string; password?: string }, current?: Session): Promise<User> {
    const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password)
    this.people.update(actor.id, { name: changes.name, bio: changes.bio, passwordHash })
    // A new password signs out every other device: the usual reason to change it is that it leaked.
    if (passwordHash) this.endOtherSessions(actor.id, current?.id)
    return this.live.personChanged(this.people.find(actor.id)!)
  }

  /** The operator's reset: a new password, and every session ends. */
  async resetPassword(userId: string, password: string): Promise<void> {
    this.people.update(userId, { passwordHash: await hashPassword(password) })
    this.endOtherSessions(userId, undefined)
  }

  setAvatar(actor: User, type: string, data: Buffer): User {
    this.people.setAvatar(actor.id, type, data)
    return this.live.personChanged(this.people.find(actor.id)!)
  }

  isBannedAddress(address: string): boolean {
    return this.people.isBannedAddress(address)
  }

  administrator(actor: User): void {
    administrator(actor)
  }

  private endOtherSessions(userId: string, keep: string | undefined): void {
    for (const sessionId of this.sessions.idsOf(userId)) {
      if (sessionId === keep) continue
      this.sessions.end(sessionId)
      this.live.endSession(sessionId)
    }
  }

  private startSession(user: User, origin: Origin): SignedIn {
    const { session, token } = this.sessions.start(user.id, origin.address, origin.userAgent)
    this.people.rememberAddress(user.id, origin.address)
    return { user, session, token }
  }

  /** Compared in constant time, like every secret. */
  isJoinCode(code: string): boolean {
    const current = this.account.settings()?.joinCode
    return current !== undefined && timingSafeEqual(createHash('sha256').update(code).digest(), createHash('sha256').update(current).digest())
  }

  private throttled(kind: keyof Accounts['throttles'], origin: Origin): void {
    if (!this.throttles[kind].attempt(origin.address)) refuse('rate_limited', 'Too many attempts; wait a few minutes')
  }
}
