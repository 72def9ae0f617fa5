/**
 * What the UI offers to whom. The relay enforces every one of these rules on its own (docs/API.md);
 * the client only hides what would be refused. My role is read from the account doc, which the
 * relay rewrites the moment an administrator changes it, so a promotion shows without a reload.
 */
import type { RoomEntry } from './directory.js'
import type { Workspace } from './workspace.js'

function myRole(workspace: Workspace): string {
  return workspace.people().get(workspace.me.id)?.role ?? workspace.me.role
}

export const isAdministrator = (workspace: Workspace): boolean => myRole(workspace) === 'administrator'

/** Rename, open or close, choose members, delete: administrators and the room's creator. */
export function mayManageRoom(workspace: Workspace, room: RoomEntry): boolean {
  if (room.kind === 'ping') return false
  return isAdministrator(workspace) || (room.creatorId !== undefined && room.creatorId === workspace.me.id)
}

/** Any member of a ping may delete it; other rooms, whoever may manage them. */
export function mayDeleteRoom(workspace: Workspace, room: RoomEntry): boolean {
  return room.kind === 'ping' ? room.members.includes(workspace.me.id) : mayManageRoom(workspace, room)
}

/** Administrators act on other people, never on themselves (the relay refuses that too). */
export function mayModerate(workspace: Workspace, person: { id: string; role: string; status: string }): boolean {
  return isAdministrator(workspace) && person.id !== workspace.me.id && person.status === 'active'
}
