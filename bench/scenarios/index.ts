/** Every scenario, in the order `npm run bench` runs them. */
import type { Scenario } from '../scenario.js'
import { fanout } from './fanout.js'

export const SCENARIOS: Scenario[] = [fanout]
