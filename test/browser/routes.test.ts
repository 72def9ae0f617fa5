import { expect } from '@open-wc/testing'
import { roomPath, routeFor } from '../../client/app/routes.js'
import { describeConnection } from '../../client/chat/connection-status.js'

describe('the app’s pages', () => {
  it('finds the page for each path people land on', () => {
    expect(routeFor('/first-run')).to.deep.equal({ page: 'first-run' })
    expect(routeFor('/signin')).to.deep.equal({ page: 'sign-in' })
    expect(routeFor('/join/Xy7%2Bq')).to.deep.equal({ page: 'join', code: 'Xy7+q' })
    expect(routeFor('/transfer/abc')).to.deep.equal({ page: 'transfer', token: 'abc' })
    expect(routeFor(roomPath('room 1/2'))).to.deep.equal({ page: 'chat', roomId: 'room 1/2' })
    expect(routeFor('/profile')).to.deep.equal({ page: 'profile' })
    expect(routeFor('/account')).to.deep.equal({ page: 'account' })
    expect(routeFor('/nowhere')).to.deep.equal({ page: 'chat' })
  })
})

describe('the connection state', () => {
  it('says how many changes wait while offline', () => {
    expect(describeConnection('offline', 3)).to.deep.equal({ label: 'Offline, 3 changes waiting', tone: 'bad' })
    expect(describeConnection('offline', 1).label).to.equal('Offline, 1 change waiting')
    expect(describeConnection('connected', 0)).to.deep.equal({ label: 'Connected', tone: 'good' })
    expect(describeConnection('connecting', 2).label).to.equal('Connecting… 2 changes waiting')
  })
})
