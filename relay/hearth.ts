/**
 * The composition root: Hearth as the product runs it, from its data directory. Tests and the
 * benchmark start it the same way on port 0.
 */
import { openDatabase } from './storage/database.js'
import { SqliteStorage } from './storage/sqlite-storage.js'
import { Relay, type RelayOptions } from './relay.js'
import { staticClient } from './http/static-client.js'
import { Accounts, type AccountsOptions } from './accounts/accounts.js'
import { createApi } from './api/api.js'
import { createWriteAuthorizer } from './authorization/hearth-authorizer.js'
import { eraseMessagesOnBan } from './accounts/erase-on-ban.js'

export interface HearthOptions extends Omit<RelayOptions, 'storage'>, Pick<AccountsOptions, 'onBanned' | 'trustProxy'> {
  dataDir: string
}

/** The relay with its accounts (people, rooms, the door, the server-written docs). */
export type HearthRelay = Relay & { accounts: Accounts }

export async function startHearth(options: HearthOptions): Promise<HearthRelay> {
  const db = openDatabase(options.dataDir)
  const storage = new SqliteStorage(db)
  const onBanned = options.onBanned ?? eraseMessagesOnBan
  const accounts = new Accounts(db, { log: options.log, trustProxy: options.trustProxy, onBanned })
  // The accounts door unless a caller brings its own (relay tests that predate accounts).
  const door = options.door ?? accounts.door
  const http = [createApi(accounts, { trustProxy: options.trustProxy, log: options.log }), ...(options.http ?? []), staticClient()]
  // Every write on every path is judged by the rules of DESIGN section 3 unless a caller brings its own.
  const authorizer = options.authorizer ?? createWriteAuthorizer(db)
  const relay = await Relay.start({ ...options, storage, door, http, authorizer })
  accounts.attach(relay)
  return Object.assign(relay, { accounts })
}
