/**
 * What the composer's one suggestion list can offer: people after `@`, sounds after `/play `, and
 * the `/play` command itself while "/" starts the text. One list, one keyboard handling (in
 * message-composer.ts); only what a row shows and what choosing it writes differ by kind.
 */
import { html, type TemplateResult } from 'lit'
import { mentionQueryAt, suggestPeople } from '../room/mentions.js'
import { soundQueryIn, startsPlayCommand, suggestSounds, type SoundName } from '../room/sounds.js'
import type { Person } from '../workspace/directory.js'
import { avatar } from './avatar.js'
import { playSound } from './room-sounds.js'

export type Suggestion = { kind: 'person'; person: Person } | { kind: 'sound'; name: SoundName } | { kind: 'command' }

/** The suggestions for the text and caret: a sound query takes the whole text, so it comes first. */
export function suggestionsFor(text: string, caret: number, people: () => Iterable<Person>): Suggestion[] {
  const sound = soundQueryIn(text)
  if (sound !== undefined) return suggestSounds(sound).map((name) => ({ kind: 'sound', name }))
  if (startsPlayCommand(text)) return [{ kind: 'command' }]
  const at = mentionQueryAt(text, caret)
  return at ? suggestPeople(people(), at.query).map((person) => ({ kind: 'person', person })) : []
}

/** Same keys, same list: the highlighted row stays put while typing does not change the choices. */
export const keyOf = (suggestion: Suggestion): string =>
  suggestion.kind === 'person' ? `@${suggestion.person.id}` : suggestion.kind === 'sound' ? suggestion.name : '/play'

export const listLabel = (first: Suggestion | undefined): string =>
  first?.kind === 'person' ? 'People to mention' : first?.kind === 'sound' ? 'Sounds to play' : 'Commands'

/** A row's content. A sound's ▶ previews it here only (it never sends), without taking focus from the text. */
export function suggestionRow(suggestion: Suggestion): TemplateResult {
  switch (suggestion.kind) {
    case 'person':
      return html`${avatar(suggestion.person)}${suggestion.person.name}`
    case 'sound': {
      const name = suggestion.name
      return html`<button type="button" class="preview" tabindex="-1" aria-label=${`Preview ${name}`} title="Preview"
        @mousedown=${(e: Event) => { e.preventDefault(); e.stopPropagation() }} @click=${() => playSound(name)}>▶</button><span>${name}</span>`
    }
    case 'command':
      return html`<span>/play <em>sound</em></span>`
  }
}
