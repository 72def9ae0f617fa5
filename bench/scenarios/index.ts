/** Every scenario, in the order `npm run bench` runs them. */
import type { Scenario } from '../scenario.js'
import { authorization } from './authorization.js'
import { bigRooms } from './big-rooms.js'
import { coldStart } from './cold-start.js'
import { density } from './density.js'
import { durability } from './durability.js'
import { fanout } from './fanout.js'
import { reconnectStorm } from './reconnect-storm.js'

export const SCENARIOS: Scenario[] = [fanout, density, bigRooms, reconnectStorm, coldStart, durability, authorization]
