/** A reply quotes the message as Markdown, with a permalink to it, ready for the composer. */
import type { Message } from './message.js'

/** How many lines of the quoted message come along: a reply points at it, it does not repeat it. */
const QUOTED_LINES = 4

export function replyText(message: Message, authorName: string, link: string): string {
  const lines = message.body.split('\n')
  const quoted = lines.slice(0, QUOTED_LINES).map((line) => `> ${line}`)
  if (lines.length > QUOTED_LINES) quoted.push('> …')
  return `> **${escapeMarkdown(authorName)}** [wrote](${link}):\n${quoted.join('\n')}\n\n`
}

/** A name is text, never Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&')
}
