// Trap containment (issue 10, item 3): when the wasm module fails in the middle of a call (a trap, or an exception
// that unwinds through it), the widget shows its fallback or error text, the module is replaced by a fresh instance,
// and every widget on the page, that one included, keeps rendering and refreshing.
import assert from 'node:assert/strict';
import { atom, posts } from './lib/feeds.mjs';
import { assertHealthy, events, pageHtml, rendered, waitForEvent, waitForWidget } from './lib/harness.mjs';

/**
 * The test's hook, installed before the page's scripts: `__e2eTrapNext('render' | 'read')` makes the next call the
 * wasm module makes to `Node.prototype.textContent`'s setter (every render sets it) or to `Object.entries` (every
 * options read calls it) throw a `WebAssembly.RuntimeError`. The import is not a catching one, so the error unwinds
 * through the module's own frames, as a trap does: its stack pointer and whatever it was building are left as they
 * were. Only calls made from wasm frames count, so feedlet's own JavaScript and the page are untouched.
 */
function trapHook() {
  const fromWasm = () => /wasm-function|wasm:\/\//.test(new Error().stack);
  const textContent = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
  const entries = Object.entries;
  window.__e2eTraps = 0;
  window.__e2eTrapNext = (what) => {
    const trap = () => {
      window.__e2eTraps++;
      return new WebAssembly.RuntimeError('forced trap');
    };
    if (what === 'render') {
      Object.defineProperty(Node.prototype, 'textContent', {
        ...textContent,
        set(value) {
          if (fromWasm()) {
            Object.defineProperty(Node.prototype, 'textContent', textContent);
            throw trap();
          }
          textContent.set.call(this, value);
        },
      });
    } else {
      Object.entries = function (object) {
        if (fromWasm()) {
          Object.entries = entries;
          throw trap();
        }
        return entries(object);
      };
    }
  };
}

const FALLBACK = '<p>Our posts: <a href="/blog/">Read the blog</a></p>';

/** Three widgets, one per layout, each with its own feed; #b has fallback content. */
function threeWidgets(scope, version) {
  for (const name of ['a', 'b', 'c']) scope.put(`/${name}.xml`, atom({ entries: posts(3, { prefix: `${name.toUpperCase()}${version}` }) }));
}

/** The module's current memory, through the glue's memoized init (a fresh instance has a fresh memory). */
const memoryOf = (page) => page.evaluate(async () => {
  const { default: init } = await import('/dist/feedlet.js');
  const exports = await init();
  window.__e2eMemories = window.__e2eMemories || [];
  if (!window.__e2eMemories.includes(exports.memory)) window.__e2eMemories.push(exports.memory);
  return window.__e2eMemories.indexOf(exports.memory);
});

export const tests = [
  {
    name: 'trap: a trap while one widget renders shows its fallback; the module restarts; every widget keeps rendering and refreshing',
    async fn({ scope, newPage }) {
      threeWidgets(scope, 1);
      const url = scope.put('/index.html', pageHtml({
        body: `<feedlet-posts id="a" src="a.xml" cache="off"></feedlet-posts>
<feedlet-posts id="b" src="b.xml" layout="cards" cache="off">${FALLBACK}</feedlet-posts>
<feedlet-posts id="c" src="c.xml" layout="compact" cache="off"></feedlet-posts>`,
      }));
      const page = await newPage({ init: [trapHook] });
      await page.goto(url);
      for (const id of ['a', 'b', 'c']) await waitForWidget(page, `#${id}`, rendered(3));
      assert.equal(await memoryOf(page), 0);

      threeWidgets(scope, 2);
      await page.evaluate(() => window.__e2eTrapNext('render'));
      await page.locator('#b').evaluate((el) => el.refresh());
      assert.equal(await page.evaluate(() => window.__e2eTraps), 1, 'the hook fired inside the render');
      const b = await waitForWidget(page, '#b', (s) => s.fallbackVisible, { message: 'the fallback of the widget that trapped' });
      assert.equal(b.items.length, 0, 'no half-built list stays');
      const [error] = await events(page, 'feedlet:error', 'b');
      assert.equal(error.detail.kind, 'internal');
      assert.equal(await page.locator('#b').evaluate((el) => el.error.cause instanceof WebAssembly.RuntimeError), true, 'the trap is the error\'s cause');
      assert.equal(await memoryOf(page), 1, 'the module was replaced by a fresh instance');

      // The other widgets refresh into the new content, and so does the one that trapped.
      for (const id of ['a', 'c', 'b']) {
        await page.locator(`#${id}`).evaluate((el) => el.refresh());
        const state = await waitForWidget(page, `#${id}`, rendered(3));
        assert.equal(state.titles[0], `${id.toUpperCase()}2 1`, `#${id} renders after the trap`);
      }
      // Options changes re-render from memory, and a widget added now mounts.
      await page.locator('#a').evaluate((el) => el.setAttribute('limit', '2'));
      await waitForWidget(page, '#a', rendered(2));
      await page.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<feedlet-posts id="d" src="c.xml" layout="cards"></feedlet-posts>'));
      await waitForWidget(page, '#d', rendered(3));
      assert.equal(await memoryOf(page), 1, 'no further restart');
      await assertHealthy(page, { messages: 1, match: [/WebAssembly module failed \(RuntimeError: forced trap\) and was restarted/] });
    },
  },
  {
    name: 'trap: a trap on a first render without fallback shows the error text; one while reading options fails only that read',
    async fn({ scope, newPage }) {
      threeWidgets(scope, 1);
      const url = scope.put('/index.html', pageHtml({ body: '<feedlet-posts id="a" src="a.xml" cache="off"></feedlet-posts>' }));
      const page = await newPage({ init: [trapHook] });
      await page.goto(url);
      await waitForWidget(page, '#a', rendered(3));

      // A widget whose first render fails: no fallback, so the error text.
      await page.evaluate(() => {
        window.__e2eTrapNext('render');
        document.querySelector('main').insertAdjacentHTML('beforeend', '<feedlet-posts id="b" src="b.xml" cache="off"></feedlet-posts>');
      });
      await waitForEvent(page, 'feedlet:error', { id: 'b' });
      let b = await waitForWidget(page, '#b', (s) => s.errorText === 'Could not load the posts.');
      assert.equal(b.items.length, 0);
      await page.locator('#b').evaluate((el) => el.refresh());
      b = await waitForWidget(page, '#b', rendered(3));
      assert.equal(b.errorText, null);

      // A trap while reading options (a property getter): that read throws a FeedletError, the next one works.
      const read = await page.locator('#a').evaluate((el) => {
        window.__e2eTrapNext('read');
        let first;
        try {
          first = el.limit;
        } catch (error) {
          first = `${error.name}/${error.kind}`;
        }
        return { first, second: el.limit, traps: window.__e2eTraps };
      });
      assert.deepEqual(read, { first: 'FeedletError/internal', second: 5, traps: 2 });

      // …and while an attribute change is read: the widget keeps what it shows, the next change applies.
      await page.locator('#a').evaluate((el) => {
        window.__e2eTrapNext('read');
        el.setAttribute('limit', '2');
      });
      await page.waitForFunction(() => window.__e2eTraps === 3);
      assert.equal((await waitForWidget(page, '#a', rendered(3))).items.length, 3);
      await page.locator('#a').evaluate((el) => el.setAttribute('limit', '1'));
      await waitForWidget(page, '#a', rendered(1));
      await waitForWidget(page, '#b', rendered(3));
      await assertHealthy(page, { messages: 1, match: [/WebAssembly module failed \(RuntimeError: forced trap\) and was restarted/] });
    },
  },
];
