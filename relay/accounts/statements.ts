/** Prepared statements, prepared once per SQL text: preparing costs more than running a lookup. */
import type Database from 'better-sqlite3'

export type Prepare = (sql: string) => Database.Statement

export function preparedOnce(db: Database.Database): Prepare {
  const cache = new Map<string, Database.Statement>()
  return (sql) => {
    let statement = cache.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      cache.set(sql, statement)
    }
    return statement
  }
}
