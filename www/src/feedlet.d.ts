// Types for feedlet.js: the wasm API (parse, render) and the JavaScript API (mount, options, theme).

/** Loads and instantiates `feedlet_bg.wasm` (by default next to feedlet.js, through `import.meta.url`). `mount` does this itself. */
export default function init(
  moduleOrPath?: { module_or_path: RequestInfo | URL | Response | BufferSource | WebAssembly.Module } | RequestInfo | URL | BufferSource | WebAssembly.Module,
): Promise<unknown>;

/** Instantiates the wasm synchronously from its bytes or a compiled module. */
export function initSync(module: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;

/** Like `init()`, but memoized: the wasm loads once however often it is called. Rejects with a FeedletError of kind "wasm" (logged once to the console). */
export function ready(): Promise<void>;

/** A feed's raw bytes or text, or a Feed object (as `parseFeed` returns). */
export type FeedInput = Feed | string | ArrayBuffer | Uint8Array;

/** Where the input came from; both matter only for bytes and text. */
export interface ParseOptions {
  /** The document's own URL: the base for relative links (after `xml:base`). Default: none (relative links stay relative). */
  baseUrl?: string;
  /** The charset from the HTTP `Content-Type` header; it outranks the XML declaration. Default: sniffed (BOM, declaration, UTF-8). */
  charset?: string;
}

/** Parses Atom, RSS 0.9x/2.0, RSS 1.0 (RDF) or JSON Feed into a plain object. Throws a FeedletError when no feed can be had. */
export function parseFeed(input: string | ArrayBuffer | Uint8Array, options?: ParseOptions): Feed;

/** Parses (unless given a Feed) and renders the recent-posts list into `target`, replacing its children. Throws a FeedletError when no feed could be had. */
export function renderFeed(
  target: Element | DocumentFragment,
  input: FeedInput,
  options?: RenderOptions & ParseOptions,
  template?: HTMLTemplateElement | null,
): RenderResult;

/**
 * Merges several feeds: parses each, removes duplicates (by id and link), filters, sorts, limits and renders into `target`.
 * Renders when at least one source parsed; failing sources are listed in `errors`. Throws the first source's FeedletError
 * only when none parsed (and then leaves `target` untouched).
 */
export function renderFeeds(
  target: Element | DocumentFragment,
  sources: Array<{ input: FeedInput } & ParseOptions>,
  options?: RenderOptions,
  template?: HTMLTemplateElement | null,
): RenderResult;

/** Renders the loading placeholder (`aria-busy="true"`, `options.limit` items, at most 6) into `target`. */
export function renderSkeleton(target: Element | DocumentFragment, options?: RenderOptions): void;

/** What one render did. */
export interface RenderResult {
  /** Entries rendered. */
  count: number;
  /** Problems recovered from; the feed still rendered. `source` is the index in `sources`. */
  warnings: Array<{ source: number; message: string; line: number; column: number }>;
  /** Sources that could not be read. */
  errors: Array<{ source: number; kind: FeedletErrorKind; message: string; line: number; column: number }>;
  /** Links and images dropped because they were not http(s). */
  refusedUrls: number;
}

/**
 * How wasm errors are told apart: `empty`, `notXmlOrJson` and `notAFeed` (an HTML page, say) mean it is not a feed;
 * `syntax` is a parse error at `line`/`column`; `limitExceeded` a size or depth limit; `invalidInput` a wrong argument.
 * `mount` adds `network` (a network or CORS failure), `http` (a status other than 2xx), `timeout`, `wasm` (feedlet_bg.wasm
 * did not load) and `internal`.
 */
export type FeedletErrorKind =
  | 'empty' | 'notXmlOrJson' | 'notAFeed' | 'syntax' | 'limitExceeded' | 'invalidInput'
  | 'network' | 'http' | 'timeout' | 'wasm' | 'internal';

/** The error feedlet throws or reports: a real `Error` named "FeedletError". */
export interface FeedletError extends Error {
  name: 'FeedletError';
  kind: FeedletErrorKind;
  /** 1-based line of the problem in the feed; 0 when not about a position. */
  line: number;
  /** 1-based column (in characters); 0 when not about a position. */
  column: number;
  /** The feed URL (set by `mount`). */
  url?: string;
  /** The HTTP status, for kind "http". */
  status?: number;
}

/** What to show and how. Every option is also a `<feedlet-posts>` attribute (kebab-case) and a `data-` attribute. */
export interface RenderOptions {
  /** How many entries to show. Default: 5. */
  limit?: number;
  /** How many of the first entries (after sorting) to skip. Default: 0. */
  offset?: number;
  /** Show only entries with one of these categories (case-insensitive). Default: all. */
  category?: string[];
  /** Hide entries with any of these categories (case-insensitive). Default: none. */
  excludeCategory?: string[];
  /** `date`: newest first by real dates (undated last); `feed`: the feeds' own order. Default: "date". */
  sort?: 'date' | 'feed';
  /** Show each entry's date. Default: true. */
  date?: boolean;
  /** Show each entry's summary. Default: true. `mount` also takes "html", the same as `summaryMode: "html"`. */
  summary?: boolean;
  /** Show a thumbnail per entry (the `cards` layout only). Default: true. */
  image?: boolean;
  /** Show each entry's authors. Default: false. */
  author?: boolean;
  /** Show each entry's categories. Default: false. */
  categories?: boolean;
  /** Longest summary in graphemes; longer ones are cut (at a word, or at a grapheme in Chinese, Japanese and Korean) and end in "…". Default: 160. */
  summaryLength?: number;
  /** `medium` ("Mar 7, 2026"), `long` ("March 7, 2026") or `relative` ("3 days ago", "3일 전"), through `Intl`. Default: "medium". */
  dateStyle?: 'medium' | 'long' | 'relative';
  /** A BCP 47 locale for dates. Default: the closest `lang` attribute, then `<html lang>`, then `navigator.language`. */
  locale?: string;
  /** An IANA time zone for dates, such as "Asia/Seoul". Default: the viewer's. */
  timeZone?: string;
  /** `list` (title, meta, summary), `cards` (a grid with thumbnails) or `compact` (title and date on one line). Default: "list". */
  layout?: 'list' | 'cards' | 'compact';
  /** Where links open; `_blank` adds `rel="noopener noreferrer"`. Default: "_self". */
  target?: '_self' | '_blank';
  /** A heading (`<h2>`) above the list. Default: none. */
  heading?: string;
  /** Shown when no entry matches. Default: "No posts yet.". */
  emptyText?: string;
  /** Shown (and announced) when no feed could be loaded and the element had no fallback content. Default: "Could not load the posts.". */
  errorText?: string;
  /** `text`: plain summaries; `html`: a sanitized subset of the entry's HTML, built node by node. Attribute: `summary="html"`. Default: "text". */
  summaryMode?: 'text' | 'html';
}

/** The options of `mount`: what to fetch, how to keep it fresh, and the render options. */
export interface MountOptions extends Omit<RenderOptions, 'summary'> {
  /** One or more feed URLs (relative to the page); several are fetched in parallel and merged. A string may hold several, comma- or space-separated. Required. */
  src?: string | string[];
  /** Show summaries: true, false, or "html" (sanitized HTML, the same as `summaryMode: "html"`). Default: true. */
  summary?: boolean | 'html';
  /** Re-fetch every this many seconds; paused while the page is hidden, caught up when it shows again. 0 turns it off. Default: 0. */
  refresh?: number;
  /** How old (in seconds) the copy kept in localStorage may be for a mount to show it without asking the network. Older copies still show at once while the network is asked (stale-while-revalidate). Default: 300. */
  cacheTtl?: number;
  /** A URL template for a CORS proxy; `{url}` becomes the encoded feed URL (appended when absent), e.g. "https://proxy.example/?url={url}". Default: none. */
  proxy?: string;
  /** Render into the element's own children instead of a shadow root (the page's CSS then applies; the theme is added to the document). Fixed per mount. Default: false. */
  lightDom?: boolean;
  /** Milliseconds before a fetch is abandoned as a timeout. Default: 10000. */
  timeout?: number;
  /** Markup for each entry: elements marked `data-field="title|link|date|summary|image|author|categories"` are filled. Default: the target's `<template>` child, if any. */
  template?: HTMLTemplateElement | null;
}

/** A mounted widget. */
export interface Mounted {
  /** Fetches every source now and re-renders (an attempt in progress is replaced). Resolves when done; never rejects. */
  refresh(): Promise<void>;
  /** Replaces the options: re-fetches when `src` or `proxy` changed, else re-renders from the feeds in memory. `lightDom` needs a new mount. */
  update(options: MountOptions): Promise<void>;
  /** Stops timers and fetches, removes listeners and restores the original content. */
  destroy(): void;
  /** The first source's Feed, parsed from the bytes in memory when first read after a load (so it costs nothing unless used); null before one loaded. */
  readonly feed: Feed | null;
  /** Every loaded source's Feed, in `src` order (parsed on first read, like `feed`). */
  readonly feeds: Feed[];
  /** The first error of the last attempt, or null when it fully succeeded. */
  readonly error: FeedletError | null;
}

/**
 * Fetches the feeds in `options.src`, renders them into `target` (a shadow root by default) and keeps them up to date:
 * - whatever `target` holds stays as the fallback until the first successful render, and returns when loading fails
 *   (without fallback content, `errorText` shows); a skeleton shows only when there is neither fallback nor cached copy;
 * - the last good copy of each feed is kept in localStorage (`feedlet:v1:` + URL) and shown at once on the next visit;
 * - each error is logged once to the console with its fix, set as `error`, and dispatched as a `feedlet:error` event;
 *   a feed read only with recovery (`RenderResult.warnings`: truncated, broken) shows when nothing better is at hand, with
 *   one console warning; a refreshed copy that adds such warnings and has fewer entries than the copy shown is an error
 *   (kind "syntax"): the last good copy stays, also in localStorage;
 * - every render dispatches `feedlet:load`. Both events bubble and cross shadow roots.
 * Mounting the same target again replaces the previous mount.
 */
export function mount(target: Element, options: MountOptions): Mounted;

/** `feedlet:load` event detail. `from`: "cache" (localStorage), "network", or "memory" (an option changed). */
export interface FeedletLoadDetail extends RenderResult {
  from: 'cache' | 'network' | 'memory';
}

/** `feedlet:error` event detail: the first error and all of this attempt's errors. */
export interface FeedletErrorDetail {
  error: FeedletError;
  errors: FeedletError[];
}

/** The option attributes of `<feedlet-posts>` (kebab-case); auto-mounted elements use `data-` + each, and `data-feedlet` for `src`. */
export const FEEDLET_ATTRIBUTES: readonly string[];

/** Reads one attribute's text as its option value (`undefined`: the default). Booleans: present, "" or "true" → true; "false", "0", "no", "off" → false. */
export function parseAttribute(name: string, text: string | null): unknown;

/** Reads every option attribute of `element` into mount options; with prefix "data-", `src` comes from `data-feedlet`. */
export function attributesToOptions(element: Element, prefix?: '' | 'data-'): MountOptions;

/**
 * The default theme's CSS. Custom properties (defaults in light / dark):
 * `--feedlet-accent` (links; #0b57d0 / #79b0ff), `--feedlet-text` (#1f2328 / #e6edf3), `--feedlet-muted` (dates, meta; #57606a / #a2acb7),
 * `--feedlet-bg` (#fff / #15181d), `--feedlet-card-bg` (#f6f8fa / #1e232a), `--feedlet-border` (#d0d7de / #363d47),
 * `--feedlet-font` (inherit), `--feedlet-font-size` (inherit), `--feedlet-gap` (between items; 1rem), `--feedlet-padding` (1rem),
 * `--feedlet-radius` (.75rem), `--feedlet-image-ratio` (card thumbnails; 16/9).
 * Parts: `::part(list|item|title|date|summary|image|meta|heading|author|categories|empty|error)`.
 * Layout classes: `.feedlet--list`, `.feedlet--cards`, `.feedlet--compact`.
 */
export const css: string;

/** Adds the default theme to a document (default) or shadow root once, as a constructable stylesheet; works under a CSP without `unsafe-inline`. */
export function adoptStyles(root?: Document | ShadowRoot): void;

/** A parsed feed: the same names as `feedlet parse`'s JSON. Missing values are null. */
export interface Feed {
  format: 'atom' | 'rss2' | 'rss1' | 'json';
  /** Plain text. */
  title: string | null;
  /** Plain text (Atom subtitle, RSS description, JSON description). */
  subtitle: string | null;
  /** The site's address, resolved. */
  link: string | null;
  /** The feed's own address (rel="self", JSON feed_url). */
  feedUrl: string | null;
  id: string | null;
  /** ISO 8601 in UTC ("2026-03-06T15:00:00Z") when readable, else the text as written. */
  updated: string | null;
  /** A language tag, such as "ko". */
  language: string | null;
  authors: Person[];
  /** The icon or logo URL, resolved. */
  icon: string | null;
  /** In document order. */
  entries: Entry[];
  /** Problems recovered from while parsing. */
  warnings: Array<{ message: string; line: number; column: number }>;
}

/** One post. */
export interface Entry {
  /** The feed's id; else the link; else a stable hash of title and date. */
  id: string;
  /** Plain text: tags stripped, entities decoded, whitespace collapsed. */
  title: string | null;
  /** The post's address, resolved; only http(s) survives. */
  link: string | null;
  /** ISO 8601 in UTC when readable, else the text as written. */
  published: string | null;
  updated: string | null;
  /** Plain text; when the entry has no summary, an excerpt of its content. */
  summary: string | null;
  content: Content | null;
  authors: Person[];
  categories: string[];
  /** The thumbnail the feed names (media:thumbnail, media:content, an image enclosure, JSON image); when null, the cards layout uses the first image of the summary or content. */
  image: Image | null;
}

export interface Person {
  name: string;
  uri: string | null;
  email: string | null;
}

export interface Image {
  /** A resolved http(s) URL. */
  url: string;
  width: number | null;
  height: number | null;
}

/** An entry's full body. */
export interface Content {
  /** How to read `value`. */
  type: 'text' | 'html' | 'xhtml';
  /** The body as given: HTML stays HTML (and is not sanitized here; render it through `renderFeed` with `summaryMode: "html"`). */
  value: string | null;
  /** Atom out-of-line content (`<content src>`), resolved. */
  src: string | null;
  /** The base URL for relative links inside the body. */
  base: string | null;
}
