// The demo's own behaviour: the theme playground, the refresh button and the error log.
// Styles are set through the CSSOM (style.setProperty), which a CSP without 'unsafe-inline' allows.

const presets = {
  default: {},
  ocean: {
    '--feedlet-accent': '#006d77', '--feedlet-text': '#0b2d33', '--feedlet-muted': '#3d5d63',
    '--feedlet-bg': '#eef8f8', '--feedlet-card-bg': '#ffffff', '--feedlet-border': '#b9dcdc',
    '--feedlet-radius': '18px', '--feedlet-gap': '20px', '--feedlet-padding': '18px',
  },
  paper: {
    '--feedlet-accent': '#8a3b12', '--feedlet-text': '#2b2118', '--feedlet-muted': '#6b5a4a',
    '--feedlet-bg': '#fbf7f0', '--feedlet-card-bg': '#fffdf8', '--feedlet-border': '#e4d8c6',
    '--feedlet-radius': '4px', '--feedlet-font': "Georgia, 'Times New Roman', serif", '--feedlet-font-size': '17px',
  },
  midnight: {
    '--feedlet-accent': '#ffb86b', '--feedlet-text': '#eef0f6', '--feedlet-muted': '#a9afc3',
    '--feedlet-bg': '#171a2b', '--feedlet-card-bg': '#20243a', '--feedlet-border': '#343a57',
    '--feedlet-radius': '14px', '--feedlet-image-ratio': '3/2',
  },
};

const form = document.getElementById('theme-controls');
const widget = document.getElementById('themed');
const output = document.getElementById('theme-css');

function showCss() {
  const lines = [...widget.style].filter((name) => name.startsWith('--feedlet-'))
    .map((name) => `  ${name}: ${widget.style.getPropertyValue(name)};`);
  output.textContent = `feedlet-posts {\n${lines.join('\n') || '  /* move a control to see its custom property */'}\n}`;
}

function setProperty(name, value) {
  if (value) widget.style.setProperty(name, value);
  else widget.style.removeProperty(name);
}

function controlValue(control) {
  return control.value && control.dataset.unit ? control.value + control.dataset.unit : control.value;
}

function syncControl(control) {
  const value = widget.style.getPropertyValue(control.name).trim();
  if (control.type === 'range') {
    control.value = value ? parseFloat(value) : control.defaultValue;
    control.nextElementSibling.textContent = controlValue(control);
  } else if (control.type === 'color') {
    control.value = value || control.defaultValue;
  } else if (control.tagName === 'SELECT') {
    control.value = value || control.options[0].value;
  }
}

function applyPreset(name) {
  for (const property of [...widget.style]) if (property.startsWith('--feedlet-')) widget.style.removeProperty(property);
  for (const [property, value] of Object.entries(presets[name])) widget.style.setProperty(property, value);
  for (const control of form.elements) if (control.name && control.name.startsWith('--')) syncControl(control);
  for (const button of form.querySelectorAll('[data-preset]')) button.setAttribute('aria-pressed', String(button.dataset.preset === name));
  showCss();
}

if (form && widget) {
  form.addEventListener('input', (event) => {
    const control = event.target;
    if (!control.name) return;
    if (control.name === 'layout') {
      widget.setAttribute('layout', control.value); // an attribute change re-renders from the feed in memory
      return;
    }
    setProperty(control.name, controlValue(control));
    if (control.type === 'range') control.nextElementSibling.textContent = controlValue(control);
    for (const button of form.querySelectorAll('[data-preset]')) button.setAttribute('aria-pressed', 'false');
    showCss();
  });
  form.addEventListener('click', (event) => {
    const button = event.target.closest('[data-preset]');
    if (button) applyPreset(button.dataset.preset);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.querySelector('[data-preset="default"]').setAttribute('aria-pressed', 'true');
}

const merged = document.getElementById('merged-feed');
const refreshButton = document.getElementById('merged-refresh');
if (merged && refreshButton) {
  refreshButton.addEventListener('click', async () => {
    refreshButton.disabled = true;
    await merged.refresh();
    refreshButton.disabled = false;
  });
}

// feedlet:error bubbles out of every widget (and out of shadow roots): list each problem once.
const log = document.getElementById('error-log');
const seen = new Set();
document.addEventListener('feedlet:error', (event) => {
  for (const error of event.detail.errors) {
    const text = `${error.kind}: ${error.message}`;
    if (!log || seen.has(text)) continue;
    seen.add(text);
    const item = document.createElement('li');
    item.textContent = text;
    log.append(item);
  }
});
