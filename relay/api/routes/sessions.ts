/** First run, signing in and out, joining by code, and session transfer links. */
import { clearedSessionCookie } from '../../accounts/credentials.js'
import { readJson } from '../http.js'
import { me, param, signedInReply, type Route } from '../route.js'
import { firstRunSchema, signInSchema, signupSchema } from '../schemas.js'

export const sessionRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/first-run',
    run: ({ accounts }) => ({ body: { needed: !accounts.account.exists() } }),
  },
  {
    method: 'POST',
    path: '/api/first-run',
    run: async (context) => {
      const signup = await readJson(context.request, firstRunSchema)
      return signedInReply(context, await context.accounts.firstRun(signup, context.origin))
    },
  },
  {
    method: 'POST',
    path: '/api/session',
    run: async (context) => {
      const { email, password } = await readJson(context.request, signInSchema)
      return signedInReply(context, await context.accounts.signIn(email, password, context.origin))
    },
  },
  {
    method: 'DELETE',
    path: '/api/session',
    run: (context) => {
      context.accounts.signOut(me(context).session)
      return { status: 204, headers: { 'set-cookie': clearedSessionCookie(context.secure) } }
    },
  },
  {
    method: 'GET',
    path: '/api/join/:code',
    run: ({ accounts, params }) => {
      const settings = accounts.account.settings()
      if (!settings || !accounts.isJoinCode(params.code ?? '')) return { status: 404, body: { error: 'not_found', message: 'This join link is not valid (any more)' } }
      return { body: { accountName: settings.name } }
    },
  },
  {
    method: 'POST',
    path: '/api/join/:code',
    run: async (context) => {
      const signup = await readJson(context.request, signupSchema)
      return signedInReply(context, await context.accounts.join(param(context, 'code'), signup, context.origin))
    },
  },
  {
    method: 'POST',
    path: '/api/session/transfer/:token',
    run: (context) => signedInReply(context, context.accounts.redeemTransferLink(param(context, 'token'), context.origin)),
  },
]
