// The public types of the JavaScript API (`mount`, its errors, options and events), as JSDoc: tsc writes them into
// types.d.ts, which feedlet.d.ts re-exports. A module of its own, so that each doc comment attaches to its type alone.

/** @import { Options, RenderResult } from './feedlet_bindings.js' */

/**
 * How errors are told apart: `empty`, `notXmlOrJson` and `notAFeed` mean it is not a feed;
 * `syntax` is a parse error at `line`/`column`; `limitExceeded` a size or depth limit; `invalidInput` a wrong argument.
 * `mount` adds `network` (a network or CORS failure), `http` (a status other than 2xx), `timeout`, `wasm`
 * (feedlet_bg.wasm did not load), `noFeedLink` (an HTML page answered, and it links to no feed: a site's page without
 * feed links, a login page) and `internal`.
 * @typedef {'empty' | 'notXmlOrJson' | 'notAFeed' | 'syntax' | 'limitExceeded' | 'invalidInput'
 *   | 'network' | 'http' | 'timeout' | 'wasm' | 'noFeedLink' | 'internal'} FeedletErrorKind
 */

/**
 * The error feedlet throws or reports: a real `Error` named "FeedletError". `line` and `column` (1-based, in
 * characters) point at the problem in the feed, 0 when not about a position; `url` is the feed's address (set by
 * `mount`); `status` the HTTP status, for kind "http".
 * @typedef {Error & {
 *   name: 'FeedletError',
 *   kind: FeedletErrorKind,
 *   line: number,
 *   column: number,
 *   url?: string,
 *   status?: number,
 * }} FeedletError
 */

/**
 * The options of `mount`: every option of `Options` (what `readOptions` reads), typed or as an attribute's text,
 * and the entry template. `src` is one or more feed URLs (or web pages that link to their feed), relative to the
 * page; a string may hold several, comma- or space-separated. `summary` also takes "html" (the same as
 * `summaryMode: "html"`). `template`: markup for each entry, whose elements marked
 * `data-field="title|link|date|summary|image|author|categories"` are filled; default: the target's `<template>`
 * child, if any.
 * @typedef {{ [K in keyof Options]?: Options[K] | string | null } & {
 *   summary?: boolean | 'html' | string | null,
 *   template?: HTMLTemplateElement | null,
 * }} MountOptions
 */

/**
 * `feedlet:load` event detail: what the render did, and where the feeds came from: "cache" (localStorage),
 * "network", or "memory" (an option changed).
 * @typedef {RenderResult & { from: 'cache' | 'network' | 'memory' }} FeedletLoadDetail
 */

/**
 * `feedlet:error` event detail: the first error and all of this attempt's errors.
 * @typedef {{ error: FeedletError, errors: FeedletError[] }} FeedletErrorDetail
 */

export {};
