/** Rooms and memberships in SQLite. Open rooms hold a membership row for every active user. */
import type Database from 'better-sqlite3'
import { preparedOnce, type Prepare } from './statements.js'
import { defaultInvolvement, type Involvement, type Room, type RoomKind } from './types.js'

interface RoomRow {
  id: string
  kind: RoomKind
  name: string
  creator_id: string
  created_at: number
}

const toRoom = (row: RoomRow): Room => ({ id: row.id, kind: row.kind, name: row.name, creatorId: row.creator_id, createdAt: row.created_at })

export interface Membership {
  roomId: string
  userId: string
  involvement: Involvement
}

export class Rooms {
  private readonly sql: Prepare

  constructor(private readonly db: Database.Database) {
    this.sql = preparedOnce(db)
  }

  create(room: { id: string; kind: RoomKind; name: string; creatorId: string }): Room {
    this.sql('INSERT INTO rooms (id, kind, name, creator_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(room.id, room.kind, room.name, room.creatorId, Date.now())
    return this.find(room.id)!
  }

  find(id: string): Room | undefined {
    const row = this.sql('SELECT * FROM rooms WHERE id = ?').get(id) as RoomRow | undefined
    return row && toRoom(row)
  }

  open(): Room[] {
    return (this.sql("SELECT * FROM rooms WHERE kind = 'open' ORDER BY created_at, id").all() as RoomRow[]).map(toRoom)
  }

  /** Every room the user belongs to, with their involvement in it. */
  of(userId: string): Array<Room & { involvement: Involvement }> {
    const rows = this.sql('SELECT rooms.*, memberships.involvement FROM rooms JOIN memberships ON memberships.room_id = rooms.id WHERE memberships.user_id = ? ORDER BY rooms.created_at, rooms.id')
      .all(userId) as Array<RoomRow & { involvement: Involvement }>
    return rows.map((row) => ({ ...toRoom(row), involvement: row.involvement }))
  }

  rename(id: string, name: string): void {
    this.sql('UPDATE rooms SET name = ? WHERE id = ?').run(name, id)
  }

  setKind(id: string, kind: RoomKind): void {
    this.sql('UPDATE rooms SET kind = ? WHERE id = ?').run(kind, id)
  }

  delete(id: string): void {
    this.sql('DELETE FROM rooms WHERE id = ?').run(id)
  }

  /** Active members only: a deactivated person keeps their rows (and their messages) but belongs nowhere. */
  memberIds(roomId: string): string[] {
    const rows = this.sql("SELECT user_id FROM memberships JOIN users ON users.id = memberships.user_id WHERE room_id = ? AND users.status = 'active' ORDER BY user_id")
      .all(roomId) as { user_id: string }[]
    return rows.map((row) => row.user_id)
  }

  /** Every member, active or not (whose docs must be rewritten when the room changes). */
  allMemberIds(roomId: string): string[] {
    return (this.sql('SELECT user_id FROM memberships WHERE room_id = ?').all(roomId) as { user_id: string }[]).map((row) => row.user_id)
  }

  isMember(roomId: string, userId: string): boolean {
    return this.involvementOf(roomId, userId) !== undefined
  }

  /** The member's involvement in the room; undefined for someone who is not a member. */
  involvementOf(roomId: string, userId: string): Involvement | undefined {
    const row = this.sql('SELECT involvement FROM memberships WHERE room_id = ? AND user_id = ?').get(roomId, userId) as { involvement: Involvement } | undefined
    return row?.involvement
  }

  grant(roomId: string, userIds: readonly string[], kind: RoomKind): void {
    const insert = this.sql('INSERT OR IGNORE INTO memberships (room_id, user_id, involvement, created_at) VALUES (?, ?, ?, ?)')
    for (const userId of userIds) insert.run(roomId, userId, defaultInvolvement(kind), Date.now())
  }

  revoke(roomId: string, userIds: readonly string[]): void {
    const remove = this.sql('DELETE FROM memberships WHERE room_id = ? AND user_id = ?')
    for (const userId of userIds) remove.run(roomId, userId)
  }

  setInvolvement(roomId: string, userId: string, involvement: Involvement): void {
    this.sql('UPDATE memberships SET involvement = ? WHERE room_id = ? AND user_id = ?').run(involvement, roomId, userId)
  }
}
