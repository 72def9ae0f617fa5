/** Why an account operation was refused: a closed set, mapped to HTTP statuses by the API. */
export type AccountErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited'

export class AccountError extends Error {
  constructor(
    readonly kind: AccountErrorKind,
    message: string,
  ) {
    super(message)
  }
}

export function refuse(kind: AccountErrorKind, message: string): never {
  throw new AccountError(kind, message)
}
