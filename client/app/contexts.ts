/** Services reach elements through @lit/context, never through globals. */
import { createContext } from '@lit/context'
import type { HearthApi } from '../api/hearth-api.js'
import type { Workspace } from '../workspace/workspace.js'

export const apiContext = createContext<HearthApi>(Symbol('hearth-api'))
export const workspaceContext = createContext<Workspace | undefined>(Symbol('hearth-workspace'))
