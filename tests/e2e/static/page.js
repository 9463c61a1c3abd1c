// Loaded by every test page as an external script (so that it also runs under a strict CSP):
// records CSP violations and wires the page's own button, which the tests click to prove the page still works.
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} blocked=${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
});
document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('#e2e-button');
  if (button) button.dataset.count = String(Number(button.dataset.count || 0) + 1);
});
