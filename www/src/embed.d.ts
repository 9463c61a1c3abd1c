// Types for embed.js: importing it defines <feedlet-posts> and auto-mounts every [data-feedlet] element.
import type { Feed, FeedletError, FeedletErrorDetail, FeedletLoadDetail } from './feedlet.js';

/**
 * `<feedlet-posts src="/feed.xml" limit="5" locale="ko">`: fetches, renders and keeps a recent-posts list up to date.
 * Every option of `MountOptions` is an attribute (kebab-case: `exclude-category`, `date-style`, `light-dom`…) and a reflected
 * property (camelCase) — except `refresh`, which is the method here (set the interval with the `refresh` attribute).
 * Changing an attribute re-renders (re-fetching only when `src` or `proxy` changed); removing the element stops it.
 * A `<template>` child customizes each entry; any other child is the fallback shown until the first successful render.
 */
export class FeedletPosts extends HTMLElement {
  static readonly observedAttributes: readonly string[];
  /** Fetches the feeds now; resolves after the attempt, never rejects. */
  refresh(): Promise<void>;
  /** The first feed, parsed from memory when read; null before one loaded. */
  readonly feed: Feed | null;
  /** Every loaded feed, in `src` order. */
  readonly feeds: Feed[];
  /** The first error of the last attempt, or null. */
  readonly error: FeedletError | null;
  src: string[] | undefined;
  limit: number | undefined;
  offset: number | undefined;
  category: string[] | undefined;
  excludeCategory: string[] | undefined;
  sort: 'date' | 'feed' | undefined;
  date: boolean | undefined;
  summary: boolean | 'html' | undefined;
  image: boolean | undefined;
  author: boolean | undefined;
  categories: boolean | undefined;
  summaryLength: number | undefined;
  dateStyle: 'medium' | 'long' | 'relative' | undefined;
  locale: string | undefined;
  timeZone: string | undefined;
  layout: 'list' | 'cards' | 'compact' | undefined;
  target: '_self' | '_blank' | undefined;
  heading: string | undefined;
  emptyText: string | undefined;
  errorText: string | undefined;
  cacheTtl: number | undefined;
  proxy: string | undefined;
  lightDom: boolean | undefined;
  timeout: number | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'feedlet-posts': FeedletPosts;
  }
  interface HTMLElementEventMap {
    'feedlet:load': CustomEvent<FeedletLoadDetail>;
    'feedlet:error': CustomEvent<FeedletErrorDetail>;
  }
}
