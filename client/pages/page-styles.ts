import { css } from 'lit'

/** The getting-in pages: one centred card. */
export const cardPage = css`
  :host { display: grid; place-items: center; min-height: 100dvh; padding: 1rem; box-sizing: border-box; }
  form { width: min(24rem, 100%); display: grid; gap: 0.9rem; background: var(--surface); border: 1px solid var(--line);
    border-radius: 14px; padding: 1.6rem; box-shadow: 0 8px 30px var(--shadow); }
  h1 { margin: 0; font-size: 1.4rem; display: flex; align-items: center; gap: 0.5rem; }
  h1 img { width: 1.8rem; height: 1.8rem; }
  p { margin: 0; color: var(--muted); }
  label { display: grid; gap: 0.3rem; font-weight: 600; font-size: 0.9rem; }
  .error { color: var(--danger); font-weight: 600; }
  .aside { font-size: 0.9rem; text-align: center; }
  a { color: var(--accent-text); }
`
