/**
 * The names of Hearth's docs (docs/API.md), written once for the door, the write rules and the
 * server-written docs: `account`, `user:<userId>`, and `room:<roomId>` or one of the room's
 * segments, `room:<roomId>:<segment>`, which belongs to the room's members like the room itself.
 */
export const ACCOUNT_DOC = 'account'
const USER_PREFIX = 'user:'
const ROOM_PREFIX = 'room:'

export const userDocName = (userId: string): string => USER_PREFIX + userId
export const roomDocName = (roomId: string): string => ROOM_PREFIX + roomId

/** Whose `user:` doc this is; undefined for any other doc. */
export const userIdOf = (docName: string): string | undefined =>
  docName.startsWith(USER_PREFIX) ? docName.slice(USER_PREFIX.length) : undefined

/** Which room a room doc (or segment) belongs to; undefined for any other doc. */
export const roomIdOf = (docName: string): string | undefined =>
  docName.startsWith(ROOM_PREFIX) ? docName.slice(ROOM_PREFIX.length).split(':')[0] : undefined
