/**
 * `npx hearth <command>`: the operator's tools. Arguments are parsed by node's own parseArgs.
 * Environment: HEARTH_DATA_DIR (default ./data), HEARTH_URL for links (default http://localhost:PORT).
 */
import { parseArgs } from 'node:util'
import { AccountError } from '../accounts/errors.js'
import { backup, createRoom, resetPassword, token, transferLink, type CliContext } from './commands.js'

const USAGE = `Usage: hearth <command>
  token <email>                 print a session token for a tool or bot
  reset-password <email>        set a new password (piped on stdin, or generated and printed)
  transfer-link <email>         print a link that signs the person in once within 4 hours
  room create <name> [--closed] create a room (open unless --closed) and print its id
  backup <file>                 copy the database while the relay runs
Options: --data-dir <dir> (default $HEARTH_DATA_DIR or ./data)`

async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { closed: { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  const context: CliContext = {
    dataDir: values['data-dir'] ?? process.env.HEARTH_DATA_DIR ?? './data',
    baseUrl: process.env.HEARTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    readStdin,
    print: (line) => console.log(line),
  }
  const [command, ...rest] = positionals
  const one = (what: string): string => {
    if (rest.length !== 1 || !rest[0]) throw new AccountError('invalid', `${command} takes one ${what}`)
    return rest[0]
  }
  switch (values.help ? 'help' : command) {
    case 'token':
      await token(context, one('email'))
      return 0
    case 'reset-password':
      await resetPassword(context, one('email'))
      return 0
    case 'transfer-link':
      await transferLink(context, one('email'))
      return 0
    case 'room':
      if (rest[0] !== 'create' || rest.length !== 2) throw new AccountError('invalid', 'usage: room create <name> [--closed]')
      await createRoom(context, rest[1]!, values.closed ?? false)
      return 0
    case 'backup':
      await backup(context, one('file'))
      return 0
    case 'help':
      console.log(USAGE)
      return 0
    default:
      console.error(USAGE)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`hearth: ${error.message}`)
    process.exit(error instanceof AccountError && error.kind === 'invalid' ? 2 : 1)
  },
)
