// Adoption of a list prerendered by `feedlet render`: the widget's renders are merged into it, node by node, so that
// what did not change stays the very same nodes (no repaint, no layout shift, no lost focus or selection).

/**
 * The prerendered list among a light-DOM widget's children: a `section.feedlet` child, as `feedlet render` writes.
 * @param {Element} target
 * @returns {Element | null}
 */
export const prerendered = (target) => target.querySelector(':scope > section.feedlet');

/**
 * Whether `old` may stay in place of `fresh`. Equal nodes may; so may an element that differs only in the wording of
 * its `<time>` elements (the CLI writes dates without Intl, the browser with it): their text is then updated in place,
 * which moves nothing, as a date opens its meta line.
 * @param {Node} old
 * @param {Node} fresh
 */
function same(old, fresh) {
  if (old.isEqualNode(fresh)) return true;
  if (old.nodeType !== 1 || fresh.nodeType !== 1) return false;
  const before = /** @type {Element} */ (old).querySelectorAll('time');
  const after = /** @type {Element} */ (fresh).querySelectorAll('time');
  if (!after.length || before.length !== after.length) return false;
  const words = [...after].map((time) => time.textContent);
  after.forEach((time, i) => { time.textContent = before[i].textContent; });
  const equal = old.isEqualNode(fresh);
  after.forEach((time, i) => { time.textContent = words[i]; });
  if (equal) before.forEach((time, i) => { if (time.textContent !== words[i]) time.textContent = words[i]; });
  return equal;
}

/**
 * Makes `parent`'s children equal to `fresh`'s, keeping each child of `parent` that is the same (see `same`), and
 * merging a changed `section` or `ul` whose own attributes are unchanged into the old one; only the rest is
 * replaced, inserted or removed. `fresh` is emptied.
 * @param {Element} parent
 * @param {Element} fresh
 */
export function merge(parent, fresh) {
  const old = [...parent.childNodes];
  const next = [...fresh.childNodes].map((node) => {
    let i = old.findIndex((child) => same(child, node));
    if (i < 0) {
      i = old.findIndex((child) => /^(section|ul)$/.test(/** @type {Element} */ (child).localName) && child.cloneNode(false).isEqualNode(node.cloneNode(false)));
      if (i >= 0) merge(/** @type {Element} */ (old[i]), /** @type {Element} */ (node));
    }
    return i < 0 ? node : old.splice(i, 1)[0];
  });
  for (const child of old) child.remove();
  next.forEach((node, i) => {
    const here = parent.childNodes[i];
    if (here !== node) parent.insertBefore(node, here || null);
  });
  fresh.replaceChildren();
}
