/**
 * What the buttons of a message row do. One listener on the room's scroller handles every row
 * (rows carry `data-action`), so a window of 320 messages adds no listeners per message. Every
 * write goes through the workspace, which goes through `shared/room`: the relay's rules, applied
 * before anything changes.
 */
import { isBoostContent } from '../room/boosts.js'
import type { Message } from '../room/message.js'
import type { Workspace } from '../workspace/workspace.js'
import type { RowState } from './message-row.js'

export interface RowHost {
  workspace?: Workspace
  roomId: string
  rowState: RowState
  /** A problem to show (a write the room's rules refuse). */
  problem: string
  reply(message: Message): void
  copyLink(message: Message): void
  focusComposer(): void
}

export function rowClicked(host: RowHost, event: Event): void {
  const button = (event.target as Element).closest<HTMLElement>('button[data-action]')
  const article = button?.closest<HTMLElement>('article.message')
  const workspace = host.workspace
  if (!button || !article || !workspace) return
  const message = workspace.messages(host.roomId).find((m) => m.id === article.dataset.id)
  if (!message) return
  const action = button.dataset.action
  if (action === 'ask-delete') {
    host.rowState = { ...host.rowState, confirmingDelete: message.id }
    return
  }
  closeMenu(article)
  attempt(host, () => {
    if (action === 'boost') workspace.boost(host.roomId, message.id, button.dataset.content ?? '')
    else if (action === 'unboost') workspace.unboost(host.roomId, button.dataset.boost ?? '')
    else if (action === 'edit') startEditing(host, message.id)
    else if (action === 'delete') workspace.remove(host.roomId, message.id)
    else if (action === 'reply') host.reply(message)
    else if (action === 'copy-link') host.copyLink(message)
  })
  if (action === 'delete') host.rowState = { ...host.rowState, confirmingDelete: undefined }
}

export function rowSubmitted(host: RowHost, event: SubmitEvent): void {
  const form = event.target as HTMLFormElement
  const article = form.closest<HTMLElement>('article.message')
  const id = article?.dataset.id
  if (!article || !id || !host.workspace) return
  event.preventDefault()
  if (form.dataset.action === 'custom-boost') {
    const input = form.elements.namedItem('boost') as HTMLInputElement
    const content = input.value.trim()
    if (!isBoostContent(content)) {
      host.problem = 'A boost is 1 to 16 characters.'
      return
    }
    attempt(host, () => host.workspace!.boost(host.roomId, id, content))
    input.value = ''
    closeMenu(article)
  } else if (form.dataset.action === 'save-edit') {
    saveEdit(host, id, form.querySelector('textarea')!.value)
  }
}

/** Enter saves an edit, Shift+Enter adds a line, Escape leaves the message as it was. */
export function rowKeydown(host: RowHost, event: KeyboardEvent): void {
  const editor = event.target as HTMLElement
  if (!(editor instanceof HTMLTextAreaElement) || !editor.classList.contains('editor')) return
  const id = editor.closest<HTMLElement>('article.message')?.dataset.id
  if (!id) return
  if (event.key === 'Escape') {
    event.preventDefault()
    stopEditing(host)
  } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault()
    saveEdit(host, id, editor.value)
  }
}

export function startEditing(host: RowHost, messageId: string): void {
  host.rowState = { ...host.rowState, editing: messageId }
}

function saveEdit(host: RowHost, id: string, text: string): void {
  const body = text.trim()
  const message = host.workspace?.messages(host.roomId).find((m) => m.id === id)
  // Emptying a message is not how it is deleted: the menu's Delete is.
  if (!message || !body) return
  if (body !== message.body) attempt(host, () => host.workspace!.edit(host.roomId, id, body))
  stopEditing(host)
}

function stopEditing(host: RowHost): void {
  host.rowState = { ...host.rowState, editing: undefined }
  host.focusComposer()
}

function attempt(host: RowHost, write: () => void): void {
  try {
    write()
    host.problem = ''
  } catch (error) {
    host.problem = (error as Error).message
  }
}

function closeMenu(article: HTMLElement): void {
  const menu = article.querySelector('details.menu')
  if (menu instanceof HTMLDetailsElement) menu.open = false
}
