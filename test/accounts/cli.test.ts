import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { join as joinPath } from 'node:path'
import { after, before, describe, it } from 'node:test'
import * as Y from 'yjs'
import { eventually, startTestRelay, stockClient, synced, tempDir } from '../helpers/relay.js'
import { as, call, nextAddress, startHearthWith, watchDoc, within, type Hearth, type Person } from './helpers.js'

/** Runs `npx hearth ...` as the operator would: `node bin/hearth.js` on the data directory. */
function hearthCli(dataDir: string, args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/hearth.js', ...args], {
      env: { ...process.env, HEARTH_DATA_DIR: dataDir, HEARTH_URL: 'https://chat.example.com' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: stdout.trim(), stderr: stderr.trim() }))
    child.stdin.end(stdin ?? '')
  })
}

describe('the hearth command line, while the relay runs', () => {
  let hearth: Hearth
  let david: Person
  let kevin: Person
  before(async () => ({ hearth, david, kevin } = await startHearthWith(['Kevin'])))
  after(() => hearth.stop())

  it('prints a session token that tools use as a Bearer header or ?token=', async () => {
    const { code, stdout } = await hearthCli(hearth.dataDir, ['token', 'kevin@example.com'])
    assert.equal(code, 0)
    assert.equal((await call(hearth.relay.port, 'GET', '/api/me', { token: stdout })).body.id, kevin.id)
    const socket = watchDoc(hearth, `user:${kevin.id}`, { token: stdout })
    assert.equal(await socket.opened, 101)
    socket.ws.close()
  })

  it('creates rooms that reach the server-written docs within a couple of seconds', async () => {
    const account = stockClient(hearth.relay.port, 'account', new Y.Doc(), { token: kevin.token })
    await synced(account.provider)
    const open = await hearthCli(hearth.dataDir, ['room', 'create', 'Watercooler'])
    assert.equal(open.code, 0)
    assert.match(open.stdout, /^[0-9a-z]{26}$/)
    const closed = await hearthCli(hearth.dataDir, ['room', 'create', 'Board', '--closed'])
    await eventually(() => assert.equal((account.doc.getMap('rooms').toJSON() as Record<string, { name: string }>)[open.stdout]?.name, 'Watercooler'), 2500)
    assert.equal(account.doc.getMap('rooms').has(closed.stdout), false, 'closed rooms are not listed for everyone')
    const board = await as(hearth, david).get(`/api/rooms/${closed.stdout}`)
    assert.deepEqual([board.body.kind, board.body.members], ['closed', [david.id]])
    assert.equal((await as(hearth, kevin).get(`/api/rooms/${closed.stdout}`)).status, 404)
    account.provider.destroy()
  })

  it('prints a transfer link that signs the person in once', async () => {
    const { code, stdout } = await hearthCli(hearth.dataDir, ['transfer-link', 'kevin@example.com'])
    assert.equal(code, 0)
    assert.match(stdout, /^https:\/\/chat\.example\.com\/transfer\/[\w-]{43}$/)
    const token = stdout.split('/').pop()
    assert.equal((await call(hearth.relay.port, 'POST', `/api/session/transfer/${token}`, { from: nextAddress() })).status, 201)
    assert.equal((await call(hearth.relay.port, 'POST', `/api/session/transfer/${token}`, { from: nextAddress() })).status, 404)
  })

  it('resets a password from stdin and ends every session of that person, live sockets included', async () => {
    const socket = watchDoc(hearth, 'account', { token: kevin.token })
    assert.equal(await socket.opened, 101)
    const { code, stdout } = await hearthCli(hearth.dataDir, ['reset-password', 'kevin@example.com'], 'a-brand-new-password\n')
    assert.equal(code, 0)
    assert.doesNotMatch(stdout, /a-brand-new-password/, 'a piped password is not echoed')
    assert.equal((await within(2500, socket.closed, 'closing the reset session')).code, 4401)
    const signIn = (password: string) => call(hearth.relay.port, 'POST', '/api/session', { body: { email: kevin.email, password }, from: nextAddress() })
    assert.equal((await signIn(kevin.password)).status, 401)
    assert.equal((await signIn('a-brand-new-password')).status, 201)
  })

  it('generates and prints a password when none is piped', async () => {
    const { stdout } = await hearthCli(hearth.dataDir, ['reset-password', 'david@example.com'])
    const password = /: (\S+)$/.exec(stdout)?.[1]
    assert.ok(password && password.length >= 16)
    assert.equal((await call(hearth.relay.port, 'POST', '/api/session', { body: { email: david.email, password }, from: nextAddress() })).status, 201)
  })

  it('explains mistakes with a non-zero exit', async () => {
    const unknown = await hearthCli(hearth.dataDir, ['token', 'nobody@example.com'])
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /No active person/)
    assert.equal((await hearthCli(hearth.dataDir, ['frobnicate'])).code, 2)
  })
})

/** A doc's content as stored in one database file, read in one transaction (a consistent moment). */
function storedDoc(file: string, docName: string): Y.Doc {
  const db = new Database(file, { readonly: true })
  try {
    const rows = db.transaction(() => [
      ...(db.prepare('SELECT data FROM doc_snapshots WHERE doc = ? ORDER BY part').all(docName) as { data: Buffer }[]),
      ...(db.prepare('SELECT data FROM doc_updates WHERE doc = ? ORDER BY id').all(docName) as { data: Buffer }[]),
    ])()
    const doc = new Y.Doc()
    for (const row of rows) Y.applyUpdate(doc, row.data)
    return doc
  } finally {
    db.close()
  }
}

describe('backups', () => {
  it('copies the database while writes go on, and the copy opens and holds every update committed before it began', async () => {
    const hearth = await startTestRelay()
    const database = joinPath(hearth.dataDir, 'hearth.db')
    const david = stockClient(hearth.relay.port, 'room:watercooler')
    await synced(david.provider)
    const messages = david.doc.getMap('messages')
    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        messages.set(`david.${written}`, `message ${written} `.repeat(20))
        written++
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    })()
    await eventually(() => assert.ok(storedDoc(database, 'room:watercooler').getMap('messages').size >= 300), 20_000)
    const before = storedDoc(database, 'room:watercooler').getMap('messages')
    const file = joinPath(tempDir(), 'backup.db')
    const { code, stdout } = await hearthCli(hearth.dataDir, ['backup', file])
    const after = storedDoc(database, 'room:watercooler').getMap('messages')
    writing = false
    await writer
    assert.equal(code, 0, stdout)
    assert.ok(after.size > before.size, `writes went on during the backup (${before.size} then ${after.size})`)
    const copy = new Database(file, { readonly: true })
    assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok')
    assert.ok((copy.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n >= 2)
    copy.close()
    const backedUp = storedDoc(file, 'room:watercooler').getMap('messages')
    const missing = [...before.keys()].filter((key) => backedUp.get(key) !== before.get(key))
    assert.deepEqual(missing, [], 'every committed message is in the backup')
    assert.ok(backedUp.size <= after.size)
    assert.equal((await hearthCli(hearth.dataDir, ['backup', file])).code, 1, 'an existing file is never overwritten')
    david.provider.destroy()
    await hearth.stop()
  })
})
