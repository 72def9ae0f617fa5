/** Who is writing to a room, as the shared room functions need to know it. */
export interface Writer {
  userId: string
  role?: 'administrator' | 'member' | 'bot'
}

/** A write the room's rules forbid (the relay would refuse it): raised before anything changes. */
export class RoomError extends Error {}

export const isAdministrator = (writer: Writer): boolean => writer.role === 'administrator'
