/**
 * Every close code the relay uses, in one place. 1xxx codes are the WebSocket standard's;
 * 44xx mirror HTTP statuses so a client can tell "sign in again" (4401) from "not yours" (4403),
 * and stop reconnecting on both.
 */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  tooBig: 1009,
  malformed: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  timeout: 4408,
} as const

export type CloseCodeName = keyof typeof CloseCode

/** Codes after which a client must not reconnect on its own. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.unauthorized, CloseCode.forbidden])
