/** The account's name, settings and join code. */
import { readJson } from '../http.js'
import { me, type Route } from '../route.js'
import { accountSchema } from '../schemas.js'

export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/account',
    run: (context) => {
      const { user } = me(context)
      const settings = context.accounts.account.settings()!
      // The join code lets anyone in: only administrators see it.
      const joinCode = user.role === 'administrator' ? { joinCode: settings.joinCode } : {}
      return { body: { name: settings.name, roomCreation: settings.roomCreation, ...joinCode } }
    },
  },
  {
    method: 'PATCH',
    path: '/api/account',
    run: async (context) => {
      const { user } = me(context)
      const changes = await readJson(context.request, accountSchema)
      context.accounts.administrator(user)
      context.accounts.account.update(changes)
      context.accounts.live.refreshAccount()
      const settings = context.accounts.account.settings()!
      return { body: { name: settings.name, roomCreation: settings.roomCreation, joinCode: settings.joinCode } }
    },
  },
  {
    method: 'POST',
    path: '/api/account/join-code',
    run: (context) => {
      context.accounts.administrator(me(context).user)
      return { status: 201, body: { joinCode: context.accounts.account.regenerateJoinCode() } }
    },
  },
]
