import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { staticClient } from '../../relay/http/static-client.js'
import { silentLog } from '../../relay/log.js'
import { Relay } from '../../relay/relay.js'
import { MemoryStorage } from '../../relay/storage/memory-storage.js'
import { tempDir } from '../helpers/relay.js'

describe('the relay serving the built client', () => {
  let relay: Relay
  const built = tempDir('hearth-dist-')

  before(async () => {
    mkdirSync(join(built, 'assets'))
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>Hearth</title>')
    writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log("hearth")')
    writeFileSync(join(built, 'sw.js'), 'self.addEventListener("fetch", () => {})')
    writeFileSync(join(built, '..', 'secret.txt'), 'not for the web')
    relay = await Relay.start({ storage: new MemoryStorage(), log: silentLog, http: [staticClient(built)] })
  })
  after(() => relay.close())

  it('serves the app shell at / and must revalidate it', async () => {
    const response = await fetch(`${relay.url}/`, { headers: { accept: 'text/html' } })
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8')
    assert.equal(response.headers.get('cache-control'), 'no-cache')
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/)
    assert.match(await response.text(), /<title>Hearth/)
  })

  it('lets browsers keep hashed assets for a year', async () => {
    const response = await fetch(`${relay.url}/assets/index-abc123.js`)
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable')
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8')
  })

  it('never lets the service worker be cached', async () => {
    const response = await fetch(`${relay.url}/sw.js`)
    assert.equal(response.headers.get('cache-control'), 'no-cache')
  })

  it('answers a page the client routes, like /join/<code>, with the shell', async () => {
    const response = await fetch(`${relay.url}/join/abc`, { headers: { accept: 'text/html' } })
    assert.equal(response.status, 200)
    assert.match(await response.text(), /<title>Hearth/)
  })

  it('leaves the API and missing files to the relay (404, not the shell)', async () => {
    assert.equal((await fetch(`${relay.url}/api/me`, { headers: { accept: 'text/html' } })).status, 404)
    assert.equal((await fetch(`${relay.url}/assets/missing.js`)).status, 404)
  })

  it('never serves a file outside the build, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${relay.url}${path}`)
      assert.doesNotMatch(await response.text(), /not for the web/, path)
    }
  })
})
