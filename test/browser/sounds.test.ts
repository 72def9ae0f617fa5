import { expect } from '@open-wc/testing'
import '../../client/chat/room-view.js'
import type { RoomView } from '../../client/chat/room-view.js'
import { CATCHING_UP } from '../../client/live/live-connection.js'
import { LIVE_SOUND_MS, playsOnArrival, SOUNDS, soundIn, soundQueryIn, suggestSounds } from '../../client/room/sounds.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { roomViewOf, receive, waitFor, workspaceFor, press, typeInto } from './workspace-fixture.js'

/** Every sound the page starts: the real play() is called, and its src noted. */
const started: string[] = []
const realPlay = HTMLMediaElement.prototype.play
before(() => {
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    started.push(new URL(this.src).pathname)
    return realPlay.call(this)
  }
})
after(() => {
  HTMLMediaElement.prototype.play = realPlay
})

/** The composer's text box, as a person finds it in the room. */
async function composerOf(view: RoomView): Promise<{ composer: HTMLElement & { updateComplete: Promise<boolean> }; textarea: HTMLTextAreaElement }> {
  const composer = view.shadowRoot!.querySelector('message-composer')!
  await composer.updateComplete
  return { composer, textarea: composer.shadowRoot!.querySelector('textarea')! }
}

/** The suggestion rows as read (a sound's ▶ aside), the highlighted one marked with a `*`. */
const options = (textarea: HTMLTextAreaElement) =>
  [...(textarea.getRootNode() as ShadowRoot).querySelectorAll('[role=option]')].map(
    (o) => `${o.getAttribute('aria-selected') === 'true' ? '*' : ''}${o.textContent!.replace('▶', '').replace(/\s+/g, ' ').trim()}`,
  )

const row = (view: RoomView, id: string) => view.shadowRoot!.querySelector(`article[data-id="${id}"]`)

describe('/play sounds', () => {
  describe('which messages are sounds, and when they play', () => {
    it('knows a message that is exactly /play and a sound Hearth has', () => {
      expect(soundIn('/play tada')).to.equal('tada')
      expect(soundIn('  /play trombone ')).to.equal('trombone')
      expect(soundIn('/play kazoo')).to.equal(undefined)
      expect(soundIn('/play tada now')).to.equal(undefined)
      expect(soundIn('let us /play tada')).to.equal(undefined)
      expect(soundIn('/PLAY tada')).to.equal(undefined)
      expect(SOUNDS.length).to.equal(8)
    })

    it('suggests sounds only while the whole text is /play and part of a name', () => {
      expect(soundQueryIn('/play ')).to.equal('')
      expect(soundQueryIn('/play ta')).to.equal('ta')
      expect(soundQueryIn('/play')).to.equal(undefined)
      expect(soundQueryIn('say /play ta')).to.equal(undefined)
      expect(soundQueryIn('/play tada now')).to.equal(undefined)
      expect(suggestSounds('t')).to.deep.equal(['tada', 'trombone'])
      expect(suggestSounds('d')).to.deep.equal(['ding', 'drumroll'])
      expect(suggestSounds('')).to.deep.equal([...SOUNDS])
      expect(suggestSounds('tada'), 'a whole name needs no suggestion').to.deep.equal([])
      expect(suggestSounds('kaz')).to.deep.equal([])
    })

    it('plays only what arrives live and fresh, never history', () => {
      const now = Date.now()
      expect(playsOnArrival({ body: '/play tada', createdAt: now - 1000 }, true, now)).to.equal('tada')
      expect(playsOnArrival({ body: '/play tada', createdAt: now - 1000 }, false, now), 'caught up or read from the device').to.equal(undefined)
      expect(playsOnArrival({ body: '/play tada', createdAt: now - LIVE_SOUND_MS - 1 }, true, now), 'posted offline long ago').to.equal(undefined)
      expect(playsOnArrival({ body: 'tada!', createdAt: now }, true, now)).to.equal(undefined)
    })
  })

  describe('in a room', () => {
    let workspace: Workspace

    beforeEach(async () => {
      started.length = 0
      workspace = await workspaceFor({ watercooler: { name: 'Watercooler', kind: 'open' }, designers: { name: 'Designers', kind: 'closed', members: ['kevin', 'jz'] } })
    })

    afterEach(async () => {
      document.body.replaceChildren()
      await workspace.live.stop()
    })

    it('shows a sound message as "played <name>" with a button to hear it again', async () => {
      receive(workspace, 'watercooler', [
        { id: 'jz.1', author: 'jz', createdAt: Date.now() - 60_000, body: '/play tada' },
        { id: 'jz.2', author: 'jz', createdAt: Date.now() - 50_000, body: '/play kazoo' },
      ])
      const view = await roomViewOf(workspace, 'watercooler')
      await waitFor(() => row(view, 'jz.2'))
      const sound = row(view, 'jz.1')!.querySelector('sound-message')!
      await sound.updateComplete
      expect(sound.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.contain('played tada')
      expect(row(view, 'jz.2')!.querySelector('sound-message'), 'an unknown sound is text').to.equal(null)
      expect(row(view, 'jz.2')!.querySelector('.body')!.textContent).to.contain('/play kazoo')
      expect(started, 'history stays silent').to.deep.equal([])

      sound.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Play tada"]')!.click()
      expect(started).to.deep.equal(['/sounds/tada.wav'])
    })

    it('plays a /play that arrives live while the room is on screen, and mine as I post it', async () => {
      await roomViewOf(workspace, 'watercooler')
      receive(workspace, 'watercooler', [{ id: 'jz.3', author: 'jz', createdAt: Date.now(), body: '/play drumroll' }], Symbol('from the relay'))
      expect(started).to.deep.equal(['/sounds/drumroll.wav'])
      workspace.post('watercooler', '/play ding')
      expect(started).to.deep.equal(['/sounds/drumroll.wav', '/sounds/ding.wav'])
    })

    it('stays silent for the relay’s catch-up, for old messages arriving late, and for rooms not on screen', async () => {
      await roomViewOf(workspace, 'watercooler')
      receive(workspace, 'watercooler', [{ id: 'jz.4', author: 'jz', createdAt: Date.now(), body: '/play horn' }], CATCHING_UP)
      receive(workspace, 'watercooler', [{ id: 'jz.5', author: 'jz', createdAt: Date.now() - LIVE_SOUND_MS - 5000, body: '/play horn' }], Symbol('from the relay'))
      receive(workspace, 'designers', [{ id: 'jz.6', author: 'jz', createdAt: Date.now(), body: '/play horn' }], Symbol('from the relay'))
      receive(workspace, 'watercooler', [{ id: 'jz.7', author: 'jz', createdAt: Date.now(), body: 'no /play horn here' }], Symbol('from the relay'))
      expect(started).to.deep.equal([])
    })

    it('follows the room on screen: the room left is silent, the room opened plays', async () => {
      const view = await roomViewOf(workspace, 'watercooler')
      view.roomId = 'designers'
      await view.updateComplete
      receive(workspace, 'watercooler', [{ id: 'jz.8', author: 'jz', createdAt: Date.now(), body: '/play pop' }], Symbol('from the relay'))
      receive(workspace, 'designers', [{ id: 'jz.9', author: 'jz', createdAt: Date.now(), body: '/play bell' }], Symbol('from the relay'))
      expect(started).to.deep.equal(['/sounds/bell.wav'])
      view.remove()
      receive(workspace, 'designers', [{ id: 'jz.10', author: 'jz', createdAt: Date.now(), body: '/play bell' }], Symbol('from the relay'))
      expect(started).to.deep.equal(['/sounds/bell.wav'])
    })

    it('suggests the sounds matching "/play t", completes the chosen one, and Enter sends exactly it', async () => {
      const { composer, textarea } = await composerOf(await roomViewOf(workspace, 'watercooler'))
      typeInto(textarea, '/play t')
      await composer.updateComplete
      expect(options(textarea)).to.deep.equal(['*tada', 'trombone'])
      expect(composer.shadowRoot!.querySelector('[role=listbox]')!.getAttribute('aria-label')).to.equal('Sounds to play')
      press(textarea, 'ArrowDown')
      await composer.updateComplete
      expect(options(textarea)).to.deep.equal(['tada', '*trombone'])
      press(textarea, 'Enter')
      await composer.updateComplete
      expect(textarea.value).to.equal('/play trombone')
      expect(options(textarea), 'a whole name closes the list').to.deep.equal([])
      expect(workspace.messages('watercooler'), 'choosing sends nothing').to.deep.equal([])
      press(textarea, 'Enter')
      expect(workspace.messages('watercooler').map((m) => m.body)).to.deep.equal(['/play trombone'])
      expect(started).to.deep.equal(['/sounds/trombone.wav'])
    })

    it('lists every sound after "/play ", previews one without sending, and closes on Escape', async () => {
      const { composer, textarea } = await composerOf(await roomViewOf(workspace, 'watercooler'))
      typeInto(textarea, '/play ')
      await composer.updateComplete
      expect(options(textarea)).to.deep.equal(SOUNDS.map((name, i) => (i === 0 ? `*${name}` : name)))
      const preview = composer.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Preview horn"]')!
      preview.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true, cancelable: true }))
      preview.click()
      await composer.updateComplete
      expect(started).to.deep.equal(['/sounds/horn.wav'])
      expect(textarea.value, 'a preview chooses nothing').to.equal('/play ')
      expect(options(textarea).length, 'and leaves the list open').to.equal(SOUNDS.length)
      expect(workspace.messages('watercooler'), 'a preview sends nothing').to.deep.equal([])
      press(textarea, 'Escape')
      await composer.updateComplete
      expect(options(textarea)).to.deep.equal([])
      expect(textarea.value, 'Escape leaves the text alone').to.equal('/play ')
    })

    it('hints /play on "/" and leads to the sounds, while "@" still suggests people', async () => {
      const { composer, textarea } = await composerOf(await roomViewOf(workspace, 'designers'))
      typeInto(textarea, '/')
      await composer.updateComplete
      expect(options(textarea)).to.deep.equal(['*/play sound'])
      press(textarea, 'Tab')
      await composer.updateComplete
      expect(textarea.value).to.equal('/play ')
      expect(options(textarea).length).to.equal(SOUNDS.length)
      textarea.value = ''
      typeInto(textarea, 'Thanks @')
      await composer.updateComplete
      expect(options(textarea)).to.deep.equal(['*JZJason Zimdars'])
      expect(composer.shadowRoot!.querySelector('[role=listbox]')!.getAttribute('aria-label')).to.equal('People to mention')
      press(textarea, 'Enter')
      await composer.updateComplete
      expect(textarea.value).to.equal('Thanks @Jason Zimdars ')
      typeInto(textarea, '/play tada')
      await composer.updateComplete
      expect(options(textarea), 'sounds come only when /play starts the text').to.deep.equal([])
    })
  })
})
