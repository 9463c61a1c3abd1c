// The snippet builder: the form's choices become one list of attributes and one list of custom properties, which
// the live preview (a real <feedlet-posts>) receives and the two snippets write out; only non-defaults appear.
// Styles reach the preview through the CSSOM (style.setProperty), which a CSP without 'unsafe-inline' allows.

const form = document.getElementById('builder');
const preview = document.getElementById('preview');
const embedCode = document.getElementById('embed-code');
const npmCode = document.getElementById('npm-code');
const styleHint = document.getElementById('style-hint');
const fallback = document.getElementById('copy-fallback');
const fallbackText = document.getElementById('copy-text');
const status = document.getElementById('copy-status');

// The attributes the builder sets, in the order the snippets write them.
const ATTRIBUTES = ['src', 'layout', 'limit', 'summary', 'image', 'date', 'date-style', 'locale', 'heading'];
// The theme properties it sets (the rest of the theme is documented in the README).
const PROPERTIES = ['--feedlet-accent', '--feedlet-text', '--feedlet-bg', '--feedlet-radius'];
const DEFAULT_LIMIT = 5;

const field = (name) => form.elements.namedItem(name);

// A number field's value when it is a whole number in range; undefined when empty; null when invalid.
function wholeNumber(input) {
  const text = input.value.trim();
  if (!text && input.validity.valid) return undefined;
  const number = input.valueAsNumber;
  const ok = Number.isInteger(number) && number >= Number(input.min) && number <= Number(input.max);
  return ok ? number : null;
}

// A colour field's value when it is a CSS colour; undefined when empty; null when invalid. Semicolons and braces
// never pass, so that a value stays one declaration in the snippet's style attribute.
function colour(input) {
  const text = input.value.trim();
  if (!text) return undefined;
  return !/[;{}<>"]/.test(text) && CSS.supports('color', text) ? text : null;
}

// Shows or hides a field's error message, and marks the field for assistive technology.
function flag(input, invalid) {
  const error = document.getElementById(input.id + '-error');
  if (error) error.hidden = !invalid;
  if (invalid) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

// The last valid value of each validated field: a half-typed number or colour leaves the preview as it was.
const lastValid = new Map();

function validated(input, value) {
  flag(input, value === null);
  if (value === null) return lastValid.get(input.name);
  lastValid.set(input.name, value);
  return value;
}

/** The builder's choices as [attribute, value for the attribute, value for mount] triples, defaults left out. */
function attributes() {
  const list = [];
  const add = (name, text, value = text) => list.push([name, text, value]);
  const src = field('src').value.trim();
  const addresses = src.split(src.includes(',') ? /\s*,\s*/ : /\s+/).filter(Boolean);
  if (src) add('src', src, addresses.length > 1 ? addresses : src);
  const layout = field('layout').value;
  if (layout !== 'list') add('layout', layout);
  const limit = validated(field('limit'), wholeNumber(field('limit')));
  if (limit !== undefined && limit !== DEFAULT_LIMIT) add('limit', String(limit), limit);
  const summary = field('summary').value;
  if (summary === 'off') add('summary', 'false', false);
  else if (summary === 'html') add('summary', 'html');
  if (!field('image').checked) add('image', 'false', false);
  if (!field('date').checked) add('date', 'false', false);
  else if (field('date-style').value !== 'medium') add('date-style', field('date-style').value);
  if (field('locale').value) add('locale', field('locale').value);
  const heading = field('heading').value.trim();
  if (heading) add('heading', heading);
  return list;
}

/** The chosen theme properties as [name, value] pairs. */
function properties() {
  const list = [];
  for (const box of form.querySelectorAll('.colour')) {
    const input = box.querySelector('input[type="text"]');
    const value = validated(input, colour(input));
    if (value) list.push([box.dataset.property, value]);
  }
  const radius = validated(field('--feedlet-radius'), wholeNumber(field('--feedlet-radius')));
  if (radius !== undefined) list.push(['--feedlet-radius', radius + 'px']);
  return list;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const jsString = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
const jsValue = (value) => Array.isArray(value) ? `[${value.map(jsValue).join(', ')}]` : typeof value === 'string' ? jsString(value) : String(value);
const camelCase = (name) => name.replace(/-./g, (m) => m[1].toUpperCase());

/** The two lines for a page: the module script and the element with exactly the chosen attributes. */
function embedSnippet(attrs, props) {
  const script = field('script').value.trim() || 'embed.js';
  let tag = '<feedlet-posts';
  for (const [name, text] of attrs) tag += ` ${name}="${escapeHtml(text)}"`;
  if (props.length) tag += ` style="${escapeHtml(props.map(([name, value]) => `${name}: ${value}`).join('; '))}"`;
  return `<script type="module" src="${escapeHtml(script)}"></script>\n${tag}></feedlet-posts>`;
}

/** The same choices for a bundler: `mount` with exactly the chosen options, the theme through the CSSOM. */
function npmSnippet(attrs, props) {
  const lines = ["import { mount } from 'feedlet';", '', '// Into an element of your page, such as <div id="posts"></div>:', "const target = document.querySelector('#posts');"];
  for (const [name, value] of props) lines.push(`target.style.setProperty(${jsString(name)}, ${jsString(value)});`);
  if (attrs.length) {
    lines.push('mount(target, {');
    for (const [name, , value] of attrs) lines.push(`  ${camelCase(name)}: ${jsValue(value)},`);
    lines.push('});');
  } else {
    lines.push('mount(target, {});');
  }
  return lines.join('\n');
}

// The preview gets the same attributes and properties as the snippet; an attribute change re-renders the widget
// (from the feed in memory, unless src changed).
function applyPreview(attrs, props) {
  const wanted = new Map(attrs.map(([name, text]) => [name, text]));
  for (const name of ATTRIBUTES) {
    if (!wanted.has(name)) preview.removeAttribute(name);
    else if (preview.getAttribute(name) !== wanted.get(name)) preview.setAttribute(name, wanted.get(name));
  }
  const styles = new Map(props);
  for (const name of PROPERTIES) {
    if (styles.has(name)) preview.style.setProperty(name, styles.get(name));
    else preview.style.removeProperty(name);
  }
}

let pending = 0;

/** Rewrites both snippets at once, and the preview now or (while an address is being typed) a moment later. */
function update({ delay = 0 } = {}) {
  field('date-style').disabled = !field('date').checked; // a date style means nothing without dates
  const attrs = attributes();
  const props = properties();
  embedCode.textContent = embedSnippet(attrs, props);
  npmCode.textContent = npmSnippet(attrs, props);
  styleHint.hidden = !props.length;
  fallback.hidden = true; // its text would be stale
  clearTimeout(pending);
  if (delay) pending = setTimeout(() => applyPreview(attrs, props), delay);
  else applyPreview(attrs, props);
}

const dark = matchMedia('(prefers-color-scheme: dark)');

// The native picker and the text field describe one colour: while the field is empty, the picker shows the theme's
// own colour for the current light or dark mode (the values of the default theme in api.js).
function syncSwatch(box) {
  const text = box.querySelector('input[type="text"]').value.trim();
  const swatch = box.querySelector('input[type="color"]');
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text);
  if (hex) swatch.value = hex[1].length === 3 ? '#' + [...hex[1]].map((c) => c + c).join('') : text;
  else if (!text) swatch.value = dark.matches ? box.dataset.dark : box.dataset.light;
}

// Announces a message in the polite live region; clearing it first makes a repeated message heard again.
function say(text) {
  status.textContent = '';
  setTimeout(() => { status.textContent = text; }, 50);
}

async function copy(button) {
  const text = document.getElementById(button.dataset.copy).textContent;
  const what = button.dataset.what;
  try {
    if (!navigator.clipboard || !navigator.clipboard.writeText) throw new Error('no Clipboard API');
    await navigator.clipboard.writeText(text);
    fallback.hidden = true;
    say(`${what} copied to the clipboard.`);
  } catch {
    // Refused (an insecure page, a denied permission) or missing: select the text for Ctrl+C instead.
    fallbackText.value = text;
    fallback.hidden = false;
    fallbackText.focus();
    fallbackText.select();
    say(`${what} selected: press Ctrl+C, or Command+C on a Mac, to copy it.`);
  }
}

if (form && preview) {
  form.addEventListener('input', (event) => {
    const target = event.target;
    if (target.type === 'color') {
      const text = target.closest('.colour').querySelector('input[type="text"]');
      text.value = target.value;
    } else if (target.closest('.colour')) {
      syncSwatch(target.closest('.colour'));
    }
    // Every keystroke in the address would start a fetch: wait until typing pauses.
    update({ delay: target.name === 'src' ? 400 : 0 });
  });
  form.addEventListener('change', () => update());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  for (const button of document.querySelectorAll('[data-copy]')) button.addEventListener('click', () => copy(button));
  const syncSwatches = () => form.querySelectorAll('.colour').forEach(syncSwatch);
  dark.addEventListener('change', syncSwatches);
  syncSwatches();
  update();
}
