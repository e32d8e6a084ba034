// Shared by the browser test's pages: run each call, keep what the page could read (or how fetch failed), and post
// the results to the page's own origin, where the test waits for them.
const api = '@API@';
async function attempt(run) {
  try { return await run(); } catch (e) { return { blocked: e.name }; }
}
async function runAll(calls) {
  const results = {};
  for (const [name, run] of Object.entries(calls)) {
    results[name] = await attempt(run);
  }
  await fetch('/report', { method: 'POST', body: JSON.stringify(results) });
  document.getElementById('out').textContent = 'done';
}
