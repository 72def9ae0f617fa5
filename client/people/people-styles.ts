/** The look the profile and account pages share: a readable column of sections beside the sidebar. */
import { css } from 'lit'

export const pageStyles = css`
  :host { display: block; overflow-y: auto; background: var(--bg); }
  .page { max-width: 44rem; padding: 1rem 1.5rem 3rem; display: grid; gap: 1.2rem; }
  header { display: flex; align-items: center; gap: 0.8rem; }
  header h1 { margin: 0; font-size: 1.3rem; flex: 1; }
  header a { display: none; text-decoration: none; color: var(--accent-text); }
  @media (max-width: 700px) { header a { display: inline-flex; } }
  section { border: 1px solid var(--line); border-radius: 12px; padding: 1rem 1.1rem; background: var(--surface); display: grid; gap: 0.7rem; }
  h2 { margin: 0; font-size: 1rem; }
  form { display: grid; gap: 0.7rem; }
  label { display: grid; gap: 0.3rem; font-weight: 600; font-size: 0.9rem; }
  label :is(input, textarea, select, button) { font-weight: 400; }
  textarea { min-height: 4rem; resize: vertical; }
  select { border: 1px solid var(--line); background: var(--surface); border-radius: 8px; padding: 0.4rem 0.5rem; }
  .row { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
  .row input { flex: 1; min-width: 12rem; }
  .note { color: var(--muted); font-size: 0.85rem; margin: 0; }
  .error { color: var(--danger); margin: 0; }
  .ok { color: var(--good-text, var(--accent-text)); margin: 0; }
  button.danger { color: var(--danger); border-color: var(--danger); }
`
