/**
 * Yjs client id ownership, per doc (DESIGN section 3, rule 1). The first user to send structs
 * under a client id owns it; every item under that id is theirs. Claims are written through to
 * SQLite at once (a claim is rare: once per device session per doc), so a restart forgets nothing.
 */
import type Database from 'better-sqlite3'

/** The owner recorded for client ids the relay itself wrote with (server-owned docs, bans). */
export const RELAY_OWNER = '@relay'

export class ClientOwners {
  private readonly statements

  constructor(db: Database.Database) {
    this.statements = {
      load: db.prepare<[string], { client: number; user_id: string }>('SELECT client, user_id FROM client_owners WHERE doc = ?'),
      claim: db.prepare<[string, number, string]>('INSERT OR IGNORE INTO client_owners (doc, client, user_id) VALUES (?, ?, ?)'),
    }
  }

  of(doc: string): Map<number, string> {
    return new Map(this.statements.load.all(doc).map((row) => [row.client, row.user_id]))
  }

  claim(doc: string, client: number, owner: string): void {
    this.statements.claim.run(doc, client, owner)
  }
}
