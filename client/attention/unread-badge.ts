/**
 * The number of rooms with unread messages, where a person sees it without opening the tab: the
 * app badge (installed PWA, where the browser has `navigator.setAppBadge`) and the tab's title,
 * "(3) Hearth".
 *
 * It counts exactly the rooms the sidebar marks: 'nothing' rooms included (Campfire still marks
 * them unread; they only never notify), invisible rooms not (they are out of the sidebar and out
 * of mind). The count is taken on a timer, not an animation frame: frames stop in a hidden tab,
 * which is when the title and the badge matter.
 */
import type { RoomEntry } from '../workspace/directory.js'
import type { Workspace } from '../workspace/workspace.js'

function unreadRooms(workspace: Workspace): RoomEntry[] {
  return [...workspace.rooms().values()].filter((room) => room.involvement !== 'invisible' && workspace.unread(room.id))
}

/** "(3) Hearth", or the plain title when nothing is unread. */
export const titled = (count: number, title: string) => (count > 0 ? `(${count}) ${title}` : title)

export class UnreadBadge {
  /** What the badge shows; -1 until first shown, so a badge left from before is cleared. */
  private count = -1
  private scheduled: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly workspace: Workspace, private readonly title = 'Hearth') {
    workspace.addEventListener('change', this.changed)
    this.show()
  }

  stop(): void {
    this.workspace.removeEventListener('change', this.changed)
    clearTimeout(this.scheduled)
    this.count = -1
    document.title = this.title
    navigator.clearAppBadge?.().catch(() => undefined)
  }

  /** A burst of synced updates counts once. */
  private readonly changed = () => {
    this.scheduled ??= setTimeout(() => {
      this.scheduled = undefined
      this.show()
    }, 0)
  }

  private show(): void {
    const count = unreadRooms(this.workspace).length
    const title = titled(count, this.title)
    if (document.title !== title) document.title = title
    if (count === this.count) return
    this.count = count
    // Not every browser has a badge (or allows one to a tab that is not installed): it is a nicety.
    const shown = count > 0 ? navigator.setAppBadge?.(count) : navigator.clearAppBadge?.()
    shown?.catch(() => undefined)
  }
}
