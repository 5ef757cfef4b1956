import { reportButtonCss } from './report-button';
import { sourceLinksCss } from './source-links';

/**
 * Styles of the note card, scoped by its shadow root. `:host { all: initial }` stops inherited
 * page properties (font, colour, line height, letter spacing) at the boundary; page selectors
 * cannot reach inside at all.
 */
export const noteCardCss = `
:host { all: initial; }
.cn-layer { position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; }
.cn-card {
  --cn-fg: #1f1f1f; --cn-muted: #4b4b4b; --cn-bg: #ffffff; --cn-border: #8a8a8a; --cn-link: #0b57d0;
  --cn-focus: #0b57d0; --cn-button-bg: #ffffff; --cn-pinned-bg: #fff1c2; --cn-pinned-fg: #4a3600;
  --cn-error: #b3261e; --cn-quote-bg: #f3f3f3;
  --cn-false: #b91c1c; --cn-misleading: #c2410c; --cn-unsupported: #8a5300; --cn-needs-context: #1d4ed8;
  position: absolute;
  box-sizing: border-box;
  width: min(380px, calc(100vw - 16px));
  max-height: min(70vh, 560px);
  overflow: auto;
  padding: 12px 14px 14px;
  border: 1px solid var(--cn-border);
  border-top: 4px solid var(--cn-verdict);
  border-radius: 8px;
  background: var(--cn-bg);
  color: var(--cn-fg);
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.22);
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: start;
  direction: ltr;
  /* Inherited text styles a page may set on the host (e.g. through * { ... }). */
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  text-indent: 0;
  text-shadow: none;
  font-variant: normal;
  white-space: normal;
  visibility: visible;
  cursor: auto;
  writing-mode: horizontal-tb;
  color-scheme: light;
  animation: cn-appear 120ms ease-out;
}
.cn-card[data-scheme="dark"] {
  --cn-fg: #ececec; --cn-muted: #c4c4c4; --cn-bg: #1f2124; --cn-border: #6b6b6b; --cn-link: #8ab4f8;
  --cn-focus: #8ab4f8; --cn-button-bg: #2b2e33; --cn-pinned-bg: #5c4a12; --cn-pinned-fg: #fff1c2;
  --cn-error: #f2b8b5; --cn-quote-bg: #2b2e33;
  --cn-false: #fca5a5; --cn-misleading: #fdba74; --cn-unsupported: #fde047; --cn-needs-context: #93c5fd;
  color-scheme: dark;
}
.cn-card--false { --cn-verdict: var(--cn-false); }
.cn-card--misleading { --cn-verdict: var(--cn-misleading); }
.cn-card--unsupported { --cn-verdict: var(--cn-unsupported); }
.cn-card--needs-context { --cn-verdict: var(--cn-needs-context); }
.cn-card *, .cn-card *::before, .cn-card *::after { box-sizing: border-box; }
.cn-card:focus { outline: none; }
.cn-card:focus-visible { outline: 2px solid var(--cn-focus); outline-offset: 2px; }
.cn-card p, .cn-card h2, .cn-card h3, .cn-card blockquote { margin: 0 0 8px; }
.cn-card__header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.cn-card__brand { font-size: 12px; font-weight: 600; letter-spacing: 0.02em; color: var(--cn-muted); margin: 0; }
.cn-card__close {
  font: inherit; font-size: 20px; line-height: 1; width: 28px; height: 28px; padding: 0;
  border: 1px solid transparent; border-radius: 4px; background: transparent; color: var(--cn-fg); cursor: pointer;
}
.cn-card__close:hover { border-color: var(--cn-border); }
.cn-card__close:focus-visible { outline: 2px solid var(--cn-focus); outline-offset: 1px; }
.cn-card__verdict { display: flex; align-items: center; gap: 6px; font-size: 16px; font-weight: 700; color: var(--cn-verdict); }
.cn-card__symbol {
  display: inline-flex; align-items: center; justify-content: center; width: 20px; height: 20px;
  border: 2px solid currentColor; border-radius: 50%; font-size: 11px; font-weight: 800;
}
.cn-card__correction { font-weight: 600; }
.cn-card__subheading { font-size: 13px; font-weight: 700; margin: 10px 0 6px; }
.cn-card__statement { margin: 0 0 8px; padding: 6px 8px; border-inline-start: 3px solid var(--cn-border); background: var(--cn-quote-bg); font-style: italic; }
.cn-card__reviewed, .cn-card__care { font-size: 12px; color: var(--cn-muted); }
.cn-card a { color: var(--cn-link); }
@keyframes cn-appear { from { opacity: 0; transform: translateY(-4px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .cn-card { animation: none; } }
@media (forced-colors: active) { .cn-card { border: 2px solid CanvasText; } .cn-card__verdict { color: CanvasText; } }
${sourceLinksCss}
${reportButtonCss}
`;
