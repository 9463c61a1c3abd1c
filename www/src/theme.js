// The default theme: one constructable stylesheet, adopted by each shadow root (or the document) once.

// Every colour and size reads a documented `--feedlet-*` custom property first, and the rules sit in `@layer feedlet`,
// so that any unlayered page rule wins in light-DOM mode.
/**
 * The default theme's CSS. Custom properties (defaults in light / dark):
 * `--feedlet-accent` (links; #0b57d0 / #79b0ff), `--feedlet-text` (#1f2328 / #e6edf3), `--feedlet-muted` (dates, meta; #57606a / #a2acb7),
 * `--feedlet-bg` (#fff / #15181d), `--feedlet-card-bg` (#f6f8fa / #1e232a), `--feedlet-border` (#d0d7de / #363d47),
 * `--feedlet-font` (inherit), `--feedlet-font-size` (inherit), `--feedlet-gap` (between items; 1rem), `--feedlet-padding` (1rem),
 * `--feedlet-radius` (.75rem), `--feedlet-image-ratio` (card thumbnails; 16/9).
 * Parts: `::part(list|item|title|date|summary|image|meta|heading|author|categories|empty|error|more)`.
 * Layout classes: `.feedlet--list`, `.feedlet--cards`, `.feedlet--compact`.
 * @type {string}
 */
export const css = `@layer feedlet{:host{display:block}:host([hidden]){display:none}
.feedlet{--_a:var(--feedlet-accent,#0b57d0);--_t:var(--feedlet-text,#1f2328);--_m:var(--feedlet-muted,#57606a);--_b:var(--feedlet-bg,#fff);--_c:var(--feedlet-card-bg,#f6f8fa);--_l:var(--feedlet-border,#d0d7de);--_g:var(--feedlet-gap,1rem);--_p:var(--feedlet-padding,1rem);--_r:var(--feedlet-radius,.75rem);font-family:var(--feedlet-font,inherit);font-size:var(--feedlet-font-size,inherit);line-height:1.5;color:var(--_t);background:var(--_b);padding:var(--_p);border-radius:var(--_r);text-align:start}
@media (prefers-color-scheme:dark){.feedlet{--_a:var(--feedlet-accent,#79b0ff);--_t:var(--feedlet-text,#e6edf3);--_m:var(--feedlet-muted,#a2acb7);--_b:var(--feedlet-bg,#15181d);--_c:var(--feedlet-card-bg,#1e232a);--_l:var(--feedlet-border,#363d47)}}
.feedlet *,.feedlet ::before{box-sizing:border-box}
.feedlet:lang(ko){word-break:keep-all}
.feedlet__heading{margin:0 0 .75em;font-size:1.25em;line-height:1.3}
.feedlet__list{list-style:none;margin:0;padding:0;display:grid;gap:var(--_g)}
.feedlet__item{display:flex;flex-direction:column;gap:.25em;min-width:0;margin:0}
.feedlet--list .feedlet__item+.feedlet__item{border-top:1px solid var(--_l);padding-top:var(--_g)}
.feedlet__title{color:var(--_a);font-weight:600;text-decoration:none;overflow-wrap:anywhere}
span.feedlet__title{color:inherit}
a.feedlet__title:hover{text-decoration:underline}
.feedlet a:focus-visible{outline:2px solid var(--_a);outline-offset:2px;border-radius:2px}
.feedlet__meta{color:var(--_m);font-size:.875em}
.feedlet__meta>*+::before{content:"\\a0· "/""}
.feedlet__summary{margin:0;overflow-wrap:anywhere}
.feedlet__summary :is(p,ul,ol,blockquote,pre,figure){margin:.5em 0}
.feedlet__summary a{color:var(--_a)}
.feedlet__summary img{max-width:100%;height:auto}
.feedlet__empty{margin:0;color:var(--_m)}
.feedlet__more{display:block;margin:var(--_g) auto 0;padding:.5em 1.25em;font:inherit;color:var(--_a);background:var(--_c);border:1px solid var(--_l);border-radius:var(--_r);cursor:pointer}
.feedlet--cards .feedlet__list{grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))}
.feedlet--cards .feedlet__item{background:var(--_c);border:1px solid var(--_l);border-radius:var(--_r);padding:var(--_p);overflow:hidden}
.feedlet__image,.feedlet--cards .feedlet__item--skeleton::before{display:block;width:calc(100% + 2*var(--_p));max-width:none;height:auto;aspect-ratio:var(--feedlet-image-ratio,16/9);object-fit:cover;margin:calc(-1*var(--_p)) calc(-1*var(--_p)) .5em;background:var(--_l)}
.feedlet--compact .feedlet__list{gap:.5em}
.feedlet--compact .feedlet__item{flex-flow:row wrap;align-items:baseline;justify-content:space-between;column-gap:1em}
.feedlet--compact .feedlet__title{flex:1 1 12em;font-weight:500}
.feedlet--cards .feedlet__item--skeleton::before{content:""}
.feedlet__bone,.feedlet__item--skeleton::before{display:block;height:1em;width:60%;border-radius:.25em;background:var(--_l);animation:feedlet-pulse 1.2s ease-in-out infinite alternate}
.feedlet__bone--meta{width:30%;height:.75em}
.feedlet--compact .feedlet__bone--meta{width:5em}
@keyframes feedlet-pulse{to{opacity:.45}}
@media (prefers-reduced-motion:reduce){.feedlet__bone,.feedlet__item--skeleton::before{animation:none}}
.feedlet__status{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}}`;

/** @type {CSSStyleSheet | undefined} */
let sheet;

/**
 * Adds the default theme to a document (default) or shadow root once, as a constructable stylesheet; works under a
 * CSP without `unsafe-inline`.
 * @param {Document | ShadowRoot} [root]
 */
export function adoptStyles(root = document) {
  try {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Without constructable stylesheets (browsers before 2023) the list stays unstyled but readable.
  }
}
