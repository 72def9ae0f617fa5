/** Styles every element shares; colours come from the theme's custom properties (index.html). */
import { css } from 'lit'

export const controls = css`
  :host { font: inherit; color: var(--text); }
  button, input, textarea, select { font: inherit; color: inherit; }
  button {
    border: 1px solid var(--line);
    background: var(--surface);
    border-radius: 8px;
    padding: 0.45rem 0.9rem;
    cursor: pointer;
  }
  button.primary { background: var(--accent); border-color: var(--accent); color: var(--on-accent); font-weight: 600; }
  button:hover { filter: brightness(0.97); }
  button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
  }
  input, textarea {
    border: 1px solid var(--line);
    background: var(--surface);
    border-radius: 8px;
    padding: 0.55rem 0.7rem;
  }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`

/** A modal form in a <dialog> (new room, room settings): the card, its fields and its buttons. */
export const dialogForm = css`
  dialog { border: 1px solid var(--line); border-radius: 14px; background: var(--surface); color: var(--text); width: min(28rem, 92vw); padding: 1.3rem; }
  dialog::backdrop { background: rgb(0 0 0 / 0.35); }
  form { display: grid; gap: 0.9rem; }
  h2 { margin: 0; font-size: 1.15rem; }
  label { display: grid; gap: 0.3rem; font-weight: 600; font-size: 0.9rem; }
  fieldset { border: 1px solid var(--line); border-radius: 8px; display: grid; gap: 0.35rem; max-height: 14rem; overflow-y: auto; }
  fieldset label { display: flex; gap: 0.5rem; font-weight: 400; align-items: center; }
  .kinds { display: flex; gap: 1rem; }
  .kinds label { display: flex; gap: 0.35rem; font-weight: 400; }
  .actions { display: flex; justify-content: flex-end; gap: 0.5rem; }
  .error { color: var(--danger); margin: 0; }
`
