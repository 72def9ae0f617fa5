/**
 * The composition root: Hearth as the product runs it, from its data directory. Tests and the
 * benchmark start it the same way on port 0.
 */
import { openDatabase } from './storage/database.js'
import { SqliteStorage } from './storage/sqlite-storage.js'
import { Relay, type RelayOptions } from './relay.js'
import { staticClient } from './http/static-client.js'

export interface HearthOptions extends Omit<RelayOptions, 'storage'> {
  dataDir: string
}

export async function startHearth(options: HearthOptions): Promise<Relay> {
  const db = openDatabase(options.dataDir)
  const storage = new SqliteStorage(db)
  return Relay.start({ ...options, storage, http: [...(options.http ?? []), staticClient()] })
}
