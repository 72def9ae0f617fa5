/** The signed-in person, everyone else, and what administrators do to people. */
import { ApiError, readBytes, readJson } from '../http.js'
import { publicUser } from '../../accounts/types.js'
import { me, param, type Route } from '../route.js'
import { profileSchema, roleSchema } from '../schemas.js'

/** Raster images only: an SVG avatar could carry script. */
const AVATAR_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif'])
export const MAX_AVATAR_BYTES = 512 * 1024

export const peopleRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/me',
    run: (context) => {
      const { user } = me(context)
      return { body: { ...publicUser(user), email: user.email } }
    },
  },
  {
    method: 'PATCH',
    path: '/api/me',
    run: async (context) => {
      const { user, session } = me(context)
      const changes = await readJson(context.request, profileSchema)
      const updated = await context.accounts.updateProfile(user, changes, session)
      return { body: { ...publicUser(updated), email: updated.email } }
    },
  },
  {
    method: 'PUT',
    path: '/api/me/avatar',
    run: async (context) => {
      const { user } = me(context)
      const type = (context.request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
      if (!AVATAR_TYPES.has(type)) throw new ApiError('unsupported_media_type', 'Avatars are PNG, JPEG, WebP or GIF images')
      const data = await readBytes(context.request, MAX_AVATAR_BYTES)
      return { body: publicUser(context.accounts.setAvatar(user, type, data)) }
    },
  },
  {
    method: 'GET',
    path: '/api/users',
    run: (context) => {
      me(context)
      return { body: { users: context.accounts.people.all().map(publicUser) } }
    },
  },
  {
    method: 'GET',
    path: '/api/users/:id/avatar',
    run: (context) => {
      me(context)
      const avatar = context.accounts.people.avatarOf(param(context, 'id'))
      if (!avatar) throw new ApiError('not_found', 'No avatar')
      return { raw: avatar, headers: { 'cache-control': 'private, max-age=31536000, immutable', 'content-security-policy': "default-src 'none'" } }
    },
  },
  {
    method: 'PATCH',
    path: '/api/users/:id',
    run: async (context) => {
      const { role } = await readJson(context.request, roleSchema)
      return { body: publicUser(context.accounts.moderation.changeRole(me(context).user, param(context, 'id'), role)) }
    },
  },
  {
    method: 'POST',
    path: '/api/users/:id/deactivation',
    run: (context) => ({ body: publicUser(context.accounts.moderation.deactivate(me(context).user, param(context, 'id'))) }),
  },
  {
    method: 'POST',
    path: '/api/users/:id/ban',
    run: async (context) => ({ body: publicUser(await context.accounts.moderation.ban(me(context).user, param(context, 'id'))) }),
  },
  {
    method: 'POST',
    path: '/api/users/:id/transfer-link',
    run: (context) => {
      const { token, expiresAt } = context.accounts.makeTransferLink(me(context).user, param(context, 'id'))
      return { status: 201, body: { path: `/transfer/${token}`, expiresAt } }
    },
  },
]
