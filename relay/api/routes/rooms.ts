/** Rooms and pings as the signed-in person sees them. */
import { readJson } from '../http.js'
import { me, param, type Route } from '../route.js'
import { involvementSchema, membersSchema, newRoomSchema, pingSchema, roomChangesSchema } from '../schemas.js'

export const roomRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/rooms',
    run: (context) => ({ body: { rooms: context.accounts.rooms.of(me(context).user) } }),
  },
  {
    method: 'POST',
    path: '/api/rooms',
    run: async (context) => {
      const { user } = me(context)
      const room = await readJson(context.request, newRoomSchema)
      return { status: 201, body: context.accounts.rooms.create(user, room) }
    },
  },
  {
    method: 'GET',
    path: '/api/rooms/:id',
    run: (context) => ({ body: context.accounts.rooms.visibleTo(me(context).user, param(context, 'id')) }),
  },
  {
    method: 'PATCH',
    path: '/api/rooms/:id',
    run: async (context) => {
      const { user } = me(context)
      const changes = await readJson(context.request, roomChangesSchema)
      return { body: context.accounts.rooms.update(user, param(context, 'id'), changes) }
    },
  },
  {
    method: 'PUT',
    path: '/api/rooms/:id/members',
    run: async (context) => {
      const { user } = me(context)
      const { members } = await readJson(context.request, membersSchema)
      return { body: context.accounts.rooms.setMembers(user, param(context, 'id'), members) }
    },
  },
  {
    method: 'PUT',
    path: '/api/rooms/:id/involvement',
    run: async (context) => {
      const { user } = me(context)
      const { involvement } = await readJson(context.request, involvementSchema)
      return { body: context.accounts.rooms.setInvolvement(user, param(context, 'id'), involvement) }
    },
  },
  {
    method: 'DELETE',
    path: '/api/rooms/:id',
    run: (context) => {
      context.accounts.rooms.delete(me(context).user, param(context, 'id'))
      return { status: 204 }
    },
  },
  {
    method: 'POST',
    path: '/api/pings',
    run: async (context) => {
      const { user } = me(context)
      const { members } = await readJson(context.request, pingSchema)
      const { room, created } = context.accounts.rooms.findOrCreatePing(user, members)
      return { status: created ? 201 : 200, body: room }
    },
  },
]
