/**
 * Which messages notify kevin, with real workspace docs. The browser's Notification is wrapped (the
 * real constructor still runs) so each one shown is recorded; the relay's sync is played by setting
 * a room's status to 'synced', as the live connection does when the relay's step 2 arrives.
 */
import { expect } from '@open-wc/testing'
import { CLAIMS_KEY, Notifier, RECENT_MS } from '../../client/attention/notifier.js'
import { messagePath } from '../../client/app/routes.js'
import type { Workspace } from '../../client/workspace/workspace.js'
import { receive, waitFor, workspaceFor } from './workspace-fixture.js'

interface Shown {
  title: string
  body: string
  tag: string
  icon: string
  notification: Notification
}

const RealNotification = window.Notification
let shown: Shown[] = []
let permission: NotificationPermission = 'granted'

class RecordedNotification extends RealNotification {
  static override get permission() {
    return permission
  }
  constructor(title: string, options: NotificationOptions = {}) {
    super(title, options)
    shown.push({ title, body: options.body ?? '', tag: options.tag ?? '', icon: options.icon ?? '', notification: this })
  }
}

/** What the live connection does when the relay's step 2 for a room has arrived. */
function synced(workspace: Workspace, ...roomIds: string[]): void {
  for (const roomId of roomIds) {
    const live = workspace.room(roomId)!
    live.status = 'synced'
    live.changed()
  }
}

/** Notifications are shown once a Web Lock was taken: after the lock is free again, they are there (or never come). */
async function settled(): Promise<void> {
  await navigator.locks.request(CLAIMS_KEY, () => undefined)
}

/** What the relay writes into the user doc: pings start at 'everything' (relay/accounts/types.ts). */
async function pingsByDefault(workspace: Workspace): Promise<Workspace> {
  const rooms = workspace.user.doc.getMap('rooms')
  const ping = rooms.get('ping-david-kevin') as Record<string, unknown>
  rooms.set('ping-david-kevin', { ...ping, involvement: 'everything' })
  return workspace
}

describe('Notifier', () => {
  let workspace: Workspace
  let notifiers: Notifier[]
  let looking: string | undefined

  const notifier = () => {
    const one = new Notifier(workspace, { showing: (roomId) => roomId === looking })
    notifiers.push(one)
    return one
  }

  beforeEach(async () => {
    shown = []
    permission = 'granted'
    looking = undefined
    notifiers = []
    localStorage.removeItem(CLAIMS_KEY)
    window.Notification = RecordedNotification
    workspace = await pingsByDefault(await workspaceFor({
      watercooler: { name: 'Watercooler', kind: 'open' },
      designers: { name: 'Designers', kind: 'closed', members: ['kevin', 'jz'] },
      'ping-david-kevin': { name: '', kind: 'ping', members: ['david', 'kevin'] },
    }))
  })

  afterEach(async () => {
    for (const one of notifiers) one.stop()
    for (const { notification } of shown) notification.close()
    window.Notification = RealNotification
    localStorage.removeItem(CLAIMS_KEY)
    await workspace.live.stop()
  })

  it('notifies kevin of a message that mentions him, titled with its author and room, with its text, tagged with its id', async () => {
    notifier()
    synced(workspace, 'watercooler')
    receive(workspace, 'watercooler', [{ id: 'david.1', author: 'david', body: 'Ready for **review**, @Kevin McConnell?\nNo rush.', mentions: ['kevin'] }])
    await waitFor(() => shown.length === 1)
    const [one] = shown
    expect(one?.title).to.equal('David Heinemeier Hansson in Watercooler')
    expect(one?.body).to.equal('Ready for review, @Kevin McConnell? No rush.')
    expect(one?.tag).to.equal('david.1')
    expect(one?.icon).to.match(/\/icon\.svg$/)
  })

  it('stays quiet about messages that do not mention him, in a room he follows for mentions', async () => {
    notifier()
    synced(workspace, 'watercooler')
    receive(workspace, 'watercooler', [{ id: 'david.1', author: 'david', body: 'Lunch?', mentions: ['jz'] }])
    receive(workspace, 'watercooler', [{ id: 'jz.1', author: 'jz', body: 'Yes!' }])
    receive(workspace, 'watercooler', [{ id: 'jz.2', author: 'jz', body: 'Kevin too?', mentions: ['kevin'] }])
    await waitFor(() => shown.length === 1)
    await settled()
    expect(shown.map((one) => one.tag)).to.deep.equal(['jz.2'])
  })

  it('notifies every message in a room he follows for everything (a ping, by default), never his own', async () => {
    notifier()
    synced(workspace, 'ping-david-kevin')
    receive(workspace, 'ping-david-kevin', [{ id: 'david.1', author: 'david', body: 'Got a minute?' }])
    receive(workspace, 'ping-david-kevin', [{ id: 'kevin.1', author: 'kevin', body: 'Sure' }])
    receive(workspace, 'ping-david-kevin', [{ id: 'david.2', author: 'david', body: 'Calling you' }])
    await waitFor(() => shown.length === 2)
    await settled()
    expect(shown.map((one) => one.tag)).to.deep.equal(['david.1', 'david.2'])
    expect(shown[0]?.title, 'a ping is titled with its author alone').to.equal('David Heinemeier Hansson')
  })

  it('never notifies in rooms he set to nothing or invisible, even when mentioned', async () => {
    const rooms = workspace.user.doc.getMap('rooms')
    rooms.set('watercooler', { id: 'watercooler', name: 'Watercooler', kind: 'open', members: [], involvement: 'nothing' })
    rooms.set('designers', { id: 'designers', name: 'Designers', kind: 'closed', members: ['kevin', 'jz'], involvement: 'invisible' })
    notifier()
    synced(workspace, 'watercooler', 'designers', 'ping-david-kevin')
    receive(workspace, 'watercooler', [{ id: 'david.1', author: 'david', body: '@Kevin McConnell look', mentions: ['kevin'] }])
    receive(workspace, 'designers', [{ id: 'jz.1', author: 'jz', body: '@Kevin McConnell here', mentions: ['kevin'] }])
    receive(workspace, 'ping-david-kevin', [{ id: 'david.2', author: 'david', body: 'And here' }])
    await waitFor(() => shown.length === 1)
    await settled()
    expect(shown.map((one) => one.tag), 'only the ping, which is still everything').to.deep.equal(['david.2'])
  })

  it('treats what the device held and what the first sync brings as history, not news', async () => {
    receive(workspace, 'ping-david-kevin', [{ id: 'david.1', author: 'david', body: 'Read on another day' }])
    notifier()
    // The relay's step 2: the status turns synced just before its messages land (live-connection.ts).
    const live = workspace.room('ping-david-kevin')!
    live.status = 'syncing'
    live.changed()
    live.status = 'synced'
    receive(workspace, 'ping-david-kevin', [{ id: 'david.2', author: 'david', body: 'Sent while kevin was away' }])
    live.changed()
    receive(workspace, 'ping-david-kevin', [{ id: 'david.3', author: 'david', body: 'Now, live' }])
    await waitFor(() => shown.length === 1)
    await settled()
    expect(shown.map((one) => one.tag)).to.deep.equal(['david.3'])
  })

  it('does not notify a message written long ago that only arrives now', async () => {
    notifier()
    synced(workspace, 'ping-david-kevin')
    receive(workspace, 'ping-david-kevin', [{ id: 'david.1', author: 'david', body: 'Written offline', createdAt: Date.now() - RECENT_MS - 60_000 }])
    receive(workspace, 'ping-david-kevin', [{ id: 'david.2', author: 'david', body: 'Back online' }])
    await waitFor(() => shown.length === 1)
    await settled()
    expect(shown.map((one) => one.tag)).to.deep.equal(['david.2'])
  })

  it('does not notify what kevin is looking at, and neither does his other tab', async () => {
    notifier()
    synced(workspace, 'ping-david-kevin')
    looking = 'ping-david-kevin'
    receive(workspace, 'ping-david-kevin', [{ id: 'david.1', author: 'david', body: 'You see this one' }])
    await settled()
    // His other tab (hidden) learns of the same message afterwards: it was claimed, so it stays quiet.
    looking = undefined
    const otherTab = await pingsByDefault(await workspaceFor({ 'ping-david-kevin': { name: '', kind: 'ping', members: ['david', 'kevin'] } }))
    try {
      notifiers.push(new Notifier(otherTab, { showing: () => false }))
      synced(otherTab, 'ping-david-kevin')
      receive(otherTab, 'ping-david-kevin', [{ id: 'david.1', author: 'david', body: 'You see this one' }])
      receive(otherTab, 'ping-david-kevin', [{ id: 'david.2', author: 'david', body: 'But not this one' }])
      await waitFor(() => shown.length === 1)
      await settled()
      expect(shown.map((one) => one.tag)).to.deep.equal(['david.2'])
    } finally {
      await otherTab.live.stop()
    }
  })

  it('notifies a message once, however many of kevin’s tabs receive it', async () => {
    const tabs = [workspace, await pingsByDefault(await workspaceFor({ 'ping-david-kevin': { name: '', kind: 'ping', members: ['david', 'kevin'] } }))]
    try {
      for (const tab of tabs) {
        notifiers.push(new Notifier(tab, { showing: () => false }))
        synced(tab, 'ping-david-kevin')
      }
      for (const tab of tabs) receive(tab, 'ping-david-kevin', [{ id: 'david.1', author: 'david', body: 'Hello, both tabs' }])
      await waitFor(() => shown.length === 1)
      await settled()
      expect(shown.length).to.equal(1)
    } finally {
      await tabs[1]!.live.stop()
    }
  })

  it('shows nothing until kevin turns notifications on', async () => {
    permission = 'default'
    notifier()
    synced(workspace, 'ping-david-kevin')
    receive(workspace, 'ping-david-kevin', [{ id: 'david.1', author: 'david', body: 'Anyone?' }])
    await settled()
    permission = 'granted'
    receive(workspace, 'ping-david-kevin', [{ id: 'david.2', author: 'david', body: 'Hello?' }])
    await waitFor(() => shown.length === 1)
    expect(shown.map((one) => one.tag)).to.deep.equal(['david.2'])
  })

  it('opens the message’s permalink when the notification is clicked', async () => {
    const before = location.pathname
    notifier()
    synced(workspace, 'ping-david-kevin')
    receive(workspace, 'ping-david-kevin', [{ id: 'david.1', author: 'david', body: 'Look at this' }])
    await waitFor(() => shown.length === 1)
    try {
      shown[0]!.notification.dispatchEvent(new Event('click'))
      expect(location.pathname).to.equal(messagePath('ping-david-kevin', 'david.1'))
    } finally {
      history.replaceState(null, '', before)
    }
  })
})
