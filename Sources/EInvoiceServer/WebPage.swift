/// The desk's single page: plain HTML, CSS and JavaScript, served by the binary (no build step,
/// nothing fetched from elsewhere).
enum WebPage {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>e-Invoice verification desk</title>
<style>
  :root { --ink: #1a1a1a; --muted: #5b6470; --accent: #1f3a5f; --line: #d5dbe2; --ok: #16794a; --bad: #b3261e; --warn: #9a6700; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: var(--ink); background: #f5f7fa; }
  header { background: var(--accent); color: #fff; padding: 14px 24px; }
  header h1 { margin: 0; font-size: 20px; }
  header p { margin: 2px 0 0; opacity: .85; font-size: 13px; }
  header #history { float: right; color: #fff; }
  main { max-width: 1100px; margin: 0 auto; padding: 20px 24px 60px; }
  #drop { border: 2px dashed var(--line); border-radius: 10px; background: #fff; padding: 28px; text-align: center; color: var(--muted); cursor: pointer; }
  #drop.over { border-color: var(--accent); background: #eef3f9; }
  #drop strong { color: var(--accent); }
  .paste { margin-top: 14px; display: flex; gap: 10px; }
  .paste textarea { flex: 1; min-height: 70px; font: 12px ui-monospace, monospace; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
  button { background: var(--accent); color: #fff; border: 0; border-radius: 8px; padding: 0 18px; font-weight: 600; cursor: pointer; }
  .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; margin-top: 18px; overflow: hidden; }
  .banner { padding: 12px 16px; font-weight: 700; font-size: 17px; color: #fff; }
  .counts { margin: 0; padding: 10px 16px; font-weight: 600; border-bottom: 1px solid var(--line); }
  .banner small { display: block; font-weight: 400; font-size: 13px; opacity: .92; }
  .valid { background: var(--ok); } .invalid { background: var(--bad); } .untrusted { background: var(--warn); } .sandbox { background: #6d28d9; } .none { background: #6b7280; }
  .body { display: flex; gap: 18px; padding: 14px 16px; flex-wrap: wrap; }
  .thumb { position: relative; width: 300px; flex: none; }
  .thumb img { width: 100%; border: 1px solid var(--line); }
  .thumb .qr { position: absolute; border: 3px solid #e11d48; border-radius: 3px; }
  table { border-collapse: collapse; flex: 1; min-width: 320px; font-size: 14px; }
  td { padding: 4px 8px; border-bottom: 1px solid #eef1f4; vertical-align: top; }
  td:first-child { color: var(--muted); white-space: nowrap; width: 1%; }
  td.mono { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
  ul.msgs { margin: 0; padding: 8px 16px 14px 34px; }
  li.error { color: var(--bad); font-weight: 600; } li.duplicate { color: var(--warn); font-weight: 700; } li.warning { color: var(--warn); } li.note { color: var(--muted); }
  .busy { color: var(--muted); padding: 12px 16px; }
</style>
</head>
<body>
<header><h1>e-Invoice verification desk</h1><a id="history" href="/history">History of checks</a><p>Checks the IRP signature offline, recomputes the IRN, and compares the printed invoice with what the IRP signed. Files stay on this machine.</p></header>
<main>
  <div id="drop" tabindex="0"><strong>Drop invoices here</strong> (PDF, PNG, JPEG, TIFF) or click to choose files
    <input id="files" type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/*" hidden></div>
  <div class="paste"><textarea id="token" placeholder="…or paste a SignedQRCode / SignedInvoice token or an IRP response (JSON)"></textarea><button id="check">Check</button></div>
  <div id="results"></div>
</main>
<script>
const results = document.getElementById('results');
const drop = document.getElementById('drop'), input = document.getElementById('files');
drop.onclick = () => input.click();
drop.ondragover = e => { e.preventDefault(); drop.classList.add('over'); };
drop.ondragleave = () => drop.classList.remove('over');
drop.ondrop = e => { e.preventDefault(); drop.classList.remove('over'); [...e.dataTransfer.files].forEach(upload); };
input.onchange = () => { [...input.files].forEach(upload); input.value = ''; };
document.getElementById('check').onclick = async () => {
  const text = document.getElementById('token').value.trim();
  if (!text) return;
  const card = pending('Pasted text');
  const response = await fetch('/api/v1/verify', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: text });
  show(card, 'Pasted text', await response.json(), []);
};
async function upload(file) {
  const card = pending(file.name);
  try {
    const response = await fetch('/api/v1/scan?thumbnails=1', { method: 'POST', body: file,
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) } });
    const data = await response.json();
    if (!response.ok) return show(card, file.name, { error: data.error }, []);
    show(card, file.name, data.results, data.thumbnails);
  } catch (error) { show(card, file.name, { error: String(error) }, []); }
}
function pending(name) {
  const card = el('div', 'card'); card.append(el('div', 'busy', 'Checking ' + name + '…'));
  results.prepend(card); return card;
}
function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
function banner(r) {
  const refused = (r.failures || []).some(f => f.code === 'sandbox-refused');
  if (r.verdict === 'sandbox') return ['sandbox', 'SANDBOX — a test document, not a tax invoice', 'Genuine sandbox signature (' + (r.key || 'NIC sandbox key') + '); do not book it as a tax invoice'];
  if (refused) return ['sandbox', 'SANDBOX refused — a test document, not a tax invoice', 'Genuine sandbox signature, refused because this desk trusts production keys only'];
  if (r.verdict === 'valid' && r.cancelled) return ['invalid', 'Genuine but CANCELLED', 'The IRP reports this IRN as cancelled'];
  if (r.verdict === 'valid') return ['valid', 'Genuine e-invoice', 'Signature verified against the ' + (r.key || 'IRP') + ' key'];
  if (r.verdict === 'invalid') return ['invalid', (r.printedMismatches || []).length ? 'Printed invoice does not match the signed QR' : 'Forged or altered', 'Does not hold — see the errors below'];
  if (r.verdict === 'untrusted') return ['untrusted', 'Unknown IRP key', 'Well formed, but signed by a key this desk does not know (not necessarily forged)'];
  if (r.verdict === 'no-qr') return ['none', 'No e-invoice QR found', 'No page of this file carries the IRP\'s signed QR'];
  if (r.verdict === 'not-read') return ['untrusted', 'Pages not read — the check of this file is incomplete', 'A limit or the time budget stopped reading; see below'];
  if (r.verdict === 'not-an-e-invoice-qr') return ['none', r.qrKind === 'upi-payment' ? 'UPI payment QR (not an e-invoice QR)' : 'Not an e-invoice QR', ''];
  return ['invalid', 'Cannot be read', r.verdict];
}
// "12 tokens in 6 responses: 10 valid, 2 invalid; 3 other results": nothing found is hidden below the fold.
function counts(data) {
  const tokens = data.filter(r => r.kind), by = {};
  tokens.forEach(r => { by[r.verdict] = (by[r.verdict] || 0) + 1; });
  const responses = new Set(tokens.map(r => r.input + '|' + (r.page || ''))).size, others = data.length - tokens.length;
  return tokens.length + ' token' + (tokens.length === 1 ? '' : 's') + ' in ' + responses + ' response' + (responses === 1 ? '' : 's') + ': '
    + Object.entries(by).map(([v, n]) => n + ' ' + v).join(', ') + (others ? '; ' + others + ' other result' + (others === 1 ? '' : 's') : '');
}
function show(card, name, data, thumbnails) {
  card.textContent = '';
  if (!Array.isArray(data)) { const [c, t] = ['invalid', 'Error']; const b = el('div', 'banner ' + c, t); b.append(el('small', null, name + ': ' + data.error)); card.append(b); return; }
  if (data.length > 1) card.append(el('p', 'counts', counts(data)));
  data.forEach((r, i) => {
    const section = card.appendChild(el('div'));
    const [cls, title, sub] = banner(r);
    const b = el('div', 'banner ' + cls, title); b.append(el('small', null, [r.input && r.input.includes('#') ? r.input : name, r.page ? 'page ' + r.page : '', sub].filter(Boolean).join(' · ')));
    section.append(b);
    const body = el('div', 'body');
    const thumb = thumbnails[(r.page || 1) - 1];
    if (thumb && r.position) {
      const box = el('div', 'thumb'), img = el('img'); img.src = thumb; img.alt = 'page ' + (r.page || 1);
      box.append(img);
      const q = el('div', 'qr'), p = r.position;
      Object.assign(q.style, { left: 100 * p.x / p.pageWidth + '%', top: 100 * p.y / p.pageHeight + '%', width: 100 * p.width / p.pageWidth + '%', height: 100 * p.height / p.pageHeight + '%' });
      box.append(q); body.append(box);
    }
    const table = el('table');
    const rows = [['Seller GSTIN', r.sellerGstin], ['Buyer GSTIN', r.buyerGstin], ['Document', [r.docType, r.docNo, r.docDate && 'dated ' + r.docDate].filter(Boolean).join(' ')],
      ['Total value', r.totalInvoiceValue && '₹ ' + Number(r.totalInvoiceValue).toLocaleString('en-IN', { minimumFractionDigits: 2 })], ['Items', r.itemCount], ['Main HSN', r.mainHsnCode],
      ['IRN', r.irn], ['IRN check', r.irnMatches == null ? null : r.irnMatches ? 'recomputed — matches (' + r.irnMatchedAs + ')' : 'DOES NOT MATCH'], ['IRN date', r.irnDate],
      ['Ack No / Date', [r.ackNo, r.ackDate].filter(Boolean).join(' / ')], ['Environment', r.environment !== 'unknown' && r.environment], ['Key id', r.kid],
      ['UPI payee', r.upi && [r.upi.payeeName, r.upi.payeeAddress].filter(Boolean).join(' · ')], ['UPI amount', r.upi && r.upi.amount]];
    rows.forEach(([k, v]) => { if (v == null || v === '' || v === false) return; const tr = el('tr'); tr.append(el('td', null, k)); tr.append(el('td', k === 'IRN' || k === 'Key id' ? 'mono' : null, String(v))); table.append(tr); });
    body.append(table); section.append(body);
    const msgs = el('ul', 'msgs');
    (r.printedMismatches || []).forEach(m => msgs.append(el('li', 'error', 'Printed ≠ signed: ' + m)));
    (r.failures || []).filter(f => f.code !== 'printed-differs').forEach(f => msgs.append(el('li', 'error', f.message)));
    ((r.ledger || {}).findings || []).forEach(f => msgs.append(el('li', 'duplicate', f.kind === 'already-received' ? f.message.charAt(0).toUpperCase() + f.message.slice(1) : 'Ledger: ' + f.message)));
    if (r.ledger && r.ledger.error) msgs.append(el('li', 'warning', 'Not recorded in the ledger: ' + r.ledger.error));
    (r.warnings || []).forEach(m => msgs.append(el('li', 'warning', m)));
    if ((r.printedMatches || []).length) msgs.append(el('li', 'note', 'Printed = signed: ' + r.printedMatches.join(', ')));
    (r.notes || []).forEach(m => msgs.append(el('li', 'note', m)));
    if (msgs.children.length) section.append(msgs);
  });
}
</script>
</body>
</html>
"""#
}
