/**
 * Which slice of a room is in the DOM. A window is at most MAX_WINDOW messages; it follows the
 * newest (end undefined) until the reader scrolls back, then slides: older rows come in at the top
 * while the newest drop off the bottom, and back again. A 10,000-message room never has more than
 * MAX_WINDOW messages rendered, however far back the reader goes.
 */
export const WINDOW_STEP = 80
export const MAX_WINDOW = 320

export interface MessageWindow {
  /** One past the last message shown, or undefined while following the newest. */
  end: number | undefined
  size: number
}

export const newest: MessageWindow = { end: undefined, size: WINDOW_STEP }

export function rangeOf(window: MessageWindow, total: number): { start: number; end: number } {
  const end = Math.min(window.end ?? total, total)
  return { start: Math.max(0, end - window.size), end }
}

/** The window after the reader reached its top, or undefined when the room's first message is shown. */
export function older(window: MessageWindow, total: number): MessageWindow | undefined {
  const { start, end } = rangeOf(window, total)
  if (start === 0) return undefined
  const size = window.size + WINDOW_STEP
  if (size <= MAX_WINDOW) return { end: window.end, size }
  return { end: end - (size - MAX_WINDOW), size: MAX_WINDOW }
}

/** The window after the reader reached its bottom, or undefined when it already shows the newest. */
export function newer(window: MessageWindow, total: number): MessageWindow | undefined {
  if (window.end === undefined || window.end >= total) return undefined
  const end = window.end + WINDOW_STEP
  return end >= total ? { end: undefined, size: window.size } : { end, size: window.size }
}

/** A window with the message at `index` in its middle, for opening a permalink. */
export function around(index: number, total: number): MessageWindow {
  const end = Math.min(total, Math.max(index + 1, index + WINDOW_STEP / 2))
  return end >= total ? newest : { end, size: WINDOW_STEP }
}
