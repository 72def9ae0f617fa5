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
