/// The desk's history page: the last checks from the ledger, filters, and a CSV download.
///
/// Plain HTML and JavaScript like the main page; the table is filled from `/api/v1/ledger` and the
/// download link points at `/api/v1/ledger.csv` with the same filters.
enum HistoryPage {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>History — e-Invoice verification desk</title>
<style>
  :root { --ink: #1a1a1a; --muted: #5b6470; --accent: #1f3a5f; --line: #d5dbe2; --ok: #16794a; --bad: #b3261e; --warn: #9a6700; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: var(--ink); background: #f5f7fa; }
  header { background: var(--accent); color: #fff; padding: 14px 24px; display: flex; align-items: baseline; gap: 24px; }
  header h1 { margin: 0; font-size: 20px; } header a { color: #fff; }
  main { max-width: 1200px; margin: 0 auto; padding: 20px 24px 60px; }
  form { display: flex; gap: 12px; flex-wrap: wrap; align-items: end; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
  label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 3px; }
  input, select { font: inherit; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; }
  button, a.button { background: var(--accent); color: #fff; border: 0; border-radius: 8px; padding: 7px 16px; font-weight: 600; cursor: pointer; text-decoration: none; }
  #status { color: var(--muted); margin: 14px 0 6px; }
  #error { color: var(--bad); font-weight: 600; }
  table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); font-size: 13px; }
  th, td { padding: 6px 8px; border-bottom: 1px solid #eef1f4; text-align: left; vertical-align: top; }
  th { background: #eef3f9; font-weight: 600; }
  td.mono { font-family: ui-monospace, monospace; font-size: 12px; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .verdict { font-weight: 700; } .v-valid { color: var(--ok); } .v-invalid { color: var(--bad); } .v-untrusted, .v-sandbox { color: var(--warn); }
</style>
</head>
<body>
<header><h1>Checked invoices</h1><a href="/">← back to the desk</a></header>
<main>
  <form id="filters">
    <label>From (UTC day)<input type="date" name="from"></label>
    <label>To (UTC day)<input type="date" name="to"></label>
    <label>Supplier GSTIN<input name="supplier" size="17" maxlength="15" placeholder="29AAGCB7383J1Z4"></label>
    <label>Verdict<select name="verdict"><option value="">any</option><option>valid</option><option>sandbox</option><option>invalid</option><option>untrusted</option></select></label>
    <label>Last<select name="limit"><option>50</option><option>200</option><option>1000</option><option value="0">all</option></select></label>
    <button type="submit">Show</button>
    <a id="csv" class="button" href="/api/v1/ledger.csv">Download CSV</a>
  </form>
  <div id="status"></div><div id="error"></div>
  <table><thead><tr><th>Checked (UTC)</th><th>Verdict</th><th>Supplier GSTIN</th><th>Buyer GSTIN</th><th>Document</th><th>Date</th><th>Total (₹)</th><th>File</th><th>IRN</th></tr></thead>
  <tbody id="rows"></tbody></table>
</main>
<script>
const form = document.getElementById('filters');
function query() {
  const params = new URLSearchParams();
  new FormData(form).forEach((v, k) => { if (v) params.set(k, v); });
  return params.toString();
}
function cell(tr, text, cls) { const td = document.createElement('td'); if (cls) td.className = cls; td.textContent = text == null ? '' : text; tr.append(td); return td; }
async function load() {
  const q = query();
  document.getElementById('csv').href = '/api/v1/ledger.csv' + (q ? '?' + q : '');
  document.getElementById('error').textContent = '';
  const rows = document.getElementById('rows'); rows.textContent = '';
  const response = await fetch('/api/v1/ledger' + (q ? '?' + q : ''));
  const data = await response.json();
  if (!response.ok) { document.getElementById('error').textContent = data.error; document.getElementById('status').textContent = ''; return; }
  document.getElementById('status').textContent = data.length + ' check' + (data.length === 1 ? '' : 's') + ', newest first';
  data.forEach(r => {
    const tr = document.createElement('tr');
    cell(tr, r.checkedAt.slice(0, 19).replace('T', ' '));
    cell(tr, r.verdict + (r.environment === 'sandbox' && r.verdict !== 'sandbox' ? ' (sandbox)' : ''), 'verdict v-' + r.verdict);
    cell(tr, r.supplierGstin, 'mono'); cell(tr, r.buyerGstin, 'mono');
    cell(tr, [r.documentType, r.documentNumber].filter(Boolean).join(' ')); cell(tr, r.documentDate);
    cell(tr, r.total, 'num'); cell(tr, r.fileName);
    const irn = cell(tr, r.irn.slice(0, 16) + '…', 'mono'); irn.title = r.irn;
    rows.append(tr);
  });
}
form.onsubmit = e => { e.preventDefault(); load(); };
load();
</script>
</body>
</html>
"""#
}
