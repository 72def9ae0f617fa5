/**
 * What administrators do to people: change their role (never their own), deactivate them (sessions
 * and sockets end, messages stay) and ban them (deactivation, plus every address they signed in from
 * may no longer write, plus the onBanned follow-up such as erasing their messages).
 */
import { CloseCode } from '../../shared/protocol/close-codes.js'
import { consoleLog, type Log } from '../log.js'
import { roomDocName } from '../doc-names.js'
import type { Relay } from '../relay.js'
import { refuse } from './errors.js'
import type { LiveEffects } from './live-effects.js'
import type { People } from './people.js'
import type { RoomDirectory } from './room-directory.js'
import type { Rooms } from './rooms.js'
import type { Sessions } from './sessions.js'
import type { Role, User } from './types.js'

export interface Ban {
  userId: string
  /** Every room doc the person belonged to: where their messages are. */
  roomDocNames: string[]
  relay: Relay
}

export function administrator(actor: User): void {
  if (actor.role !== 'administrator') refuse('forbidden', 'Only administrators may do that')
}

interface Parts {
  people: People
  sessions: Sessions
  roomStore: Rooms
  rooms: RoomDirectory
  live: LiveEffects
}

export class Moderation {
  constructor(
    private readonly parts: Parts,
    private readonly transaction: <T>(work: () => T) => T,
    private readonly options: { log?: Log; onBanned?: (ban: Ban) => void | Promise<void>; relay: () => Relay | undefined },
  ) {}

  changeRole(actor: User, userId: string, role: Role): User {
    administrator(actor)
    if (actor.id === userId) refuse('forbidden', 'Nobody changes their own role')
    this.existing(userId)
    this.parts.people.update(userId, { role })
    return this.parts.live.personChanged(this.existing(userId))
  }

  deactivate(actor: User, userId: string): User {
    const user = this.removable(actor, userId)
    this.parts.people.update(user.id, { status: 'deactivated' })
    this.parts.sessions.endAllOf(user.id)
    this.parts.live.endEverySessionOf(user.id, CloseCode.unauthorized, 'deactivated')
    return this.afterLeaving(user.id)
  }

  async ban(actor: User, userId: string): Promise<User> {
    const user = this.removable(actor, userId)
    const { people, sessions, roomStore, live } = this.parts
    const roomDocNames = roomStore.of(user.id).map((room) => roomDocName(room.id))
    this.transaction(() => {
      people.update(user.id, { status: 'banned' })
      people.banAddresses(user.id, people.addressesOf(user.id))
      sessions.endAllOf(user.id)
    })
    live.endEverySessionOf(user.id, CloseCode.forbidden, 'banned')
    const banned = this.afterLeaving(user.id)
    const relay = this.options.relay()
    if (relay && this.options.onBanned) {
      // The ban itself stands even if the follow-up (erasing messages) fails; the operator hears of it.
      try {
        await this.options.onBanned({ userId: user.id, roomDocNames, relay })
      } catch (error) {
        ;(this.options.log ?? consoleLog).error(`after banning ${user.id}: ${(error as Error).message}`)
      }
    }
    return banned
  }

  private existing(userId: string): User {
    return this.parts.people.find(userId) ?? refuse('not_found', 'No such person')
  }

  private removable(actor: User, userId: string): User {
    administrator(actor)
    if (actor.id === userId) refuse('forbidden', 'Nobody deactivates or bans themselves')
    const user = this.existing(userId)
    if (user.status !== 'active') refuse('conflict', 'That person is already gone')
    return user
  }

  /** Gone from every member list: the account doc, their own doc, and the docs of everyone they shared a room with. */
  private afterLeaving(userId: string): User {
    this.parts.live.refreshAccount()
    this.parts.live.refreshUsers([userId])
    this.parts.rooms.refreshMembersOf(this.parts.roomStore.of(userId).map((room) => room.id))
    return this.existing(userId)
  }
}
