/** The report page's stylesheet (inlined: the file must open offline). */
export const REPORT_CSS = `
:root {
  --ink: #1d2330; --muted: #5b6475; --line: #d8dde6; --paper: #ffffff; --band: #f4f6f9; --accent: #1f4e8c;
  --error: #b3261e; --error-bg: #fde7e6; --warning: #8a5a00; --warning-bg: #fff3d6; --info: #1f5f8b; --info-bg: #e5f1fa;
  --ok: #1b7f3b; --ok-bg: #e3f4e8;
}
* { box-sizing: border-box; }
html { font-family: "TH SarabunPSK", "Sarabun", "Noto Sans Thai", sans-serif; font-size: 16px; line-height: 1.55; color: var(--ink); background: var(--band); }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
  outline: 3px solid #f0a500; outline-offset: 2px;
}
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.muted { color: var(--muted); }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em; overflow-wrap: anywhere; }
.num { text-align: right; font-variant-numeric: tabular-nums; }

header.top { background: var(--accent); color: #fff; padding: 0.8rem 1.5rem 0; }
header.top h1 { margin: 0; font-size: 1.35rem; }
header.top .subtitle { margin: 0.1rem 0 0.6rem; opacity: 0.85; font-size: 0.9rem; }
nav.tabs { display: flex; gap: 0.25rem; flex-wrap: wrap; }
nav.tabs a { color: #fff; text-decoration: none; padding: 0.45rem 1rem; border-radius: 6px 6px 0 0; background: rgba(255,255,255,0.12); }
nav.tabs a:hover { background: rgba(255,255,255,0.25); }
nav.tabs a[aria-current="page"] { background: var(--band); color: var(--ink); font-weight: 600; }

main { padding: 1rem 1.5rem 3rem; max-width: 1500px; margin: 0 auto; }
h2 { font-size: 1.25rem; margin: 0.2rem 0 0.8rem; }
h2:focus { outline: none; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.5rem; }
section.card, article.question { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; margin: 0 0 0.8rem; }

table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { border-bottom: 1px solid var(--line); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: #e9edf3; font-weight: 600; position: sticky; top: 0; z-index: 1; }
tbody tr:hover { background: #fafbfd; }
table.compact td, table.compact th { padding: 0.2rem 0.5rem; }

.bar { display: inline-block; width: 90px; height: 0.6rem; background: #e3e7ee; border-radius: 4px; overflow: hidden; vertical-align: middle; margin-right: 0.4rem; }
.bar > span { display: block; height: 100%; background: var(--ok); }
.count { display: inline-block; min-width: 1.8rem; text-align: center; border-radius: 999px; padding: 0 0.45rem; font-weight: 600; }
.count.error { background: var(--error-bg); color: var(--error); }
.count.warning { background: var(--warning-bg); color: var(--warning); }
.count.ok { background: var(--ok-bg); color: var(--ok); }
.status { display: inline-block; border-radius: 4px; padding: 0 0.5rem; font-weight: 600; white-space: nowrap; }
.status-not_received { background: #eef0f3; color: var(--muted); }
.status-must_fix { background: var(--error-bg); color: var(--error); }
.status-complete { background: var(--warning-bg); color: #6b4e00; }
.status-audited { background: var(--ok-bg); color: var(--ok); }
.status-summary .status { margin-right: 0.4rem; }
.count.zero { background: #eef0f3; color: var(--muted); font-weight: 400; }

dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 0.5rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }

.question-head { display: flex; gap: 0.6rem; align-items: baseline; }
.question-head .code { font-weight: 700; color: var(--accent); white-space: nowrap; }
.question-text { color: var(--muted); font-size: 0.92rem; margin: 0.1rem 0 0.5rem; }
.question-body { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.5rem 1.5rem; }
@media (max-width: 900px) { .question-body { grid-template-columns: 1fr; } }
.block-title { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 0.2rem 0; font-weight: 600; }

ul.answers, ul.issues, ul.plain { list-style: none; margin: 0; padding: 0; }
ul.answers li { padding: 0.1rem 0; }
ul.answers .value { font-weight: 600; background: #eef3fb; border-radius: 4px; padding: 0 0.3rem; overflow-wrap: anywhere; }
ul.answers .column { color: var(--muted); }
ul.issues li { border-left: 4px solid; padding: 0.2rem 0.6rem; margin: 0.3rem 0; border-radius: 0 4px 4px 0; }
ul.issues li.error { border-color: var(--error); background: var(--error-bg); }
ul.issues li.warning { border-color: var(--warning); background: var(--warning-bg); }
ul.issues li.info { border-color: var(--info); background: var(--info-bg); }
ul.issues .severity { font-weight: 700; margin-right: 0.3rem; }
ul.issues .hint { font-size: 0.9rem; color: #3d4452; }

.evidence-file { border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.6rem; margin: 0.3rem 0; background: #fcfcfd; }
.evidence-file .file-head { display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; align-items: baseline; }
.evidence-file .problem, .region .problem-inline { color: var(--error); }
.note { color: var(--warning); }
.evidence-file .note { font-size: 0.9rem; }
section.card > details + details { margin-top: 0.4rem; }
.regions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.3rem; }
figure.region { margin: 0; max-width: 100%; border: 1px solid var(--line); border-radius: 6px; background: #fff; padding: 0.3rem; }
figure.region img, .crop img { display: block; max-width: 100%; max-height: 140px; object-fit: contain; border-radius: 3px; }
figure.region figcaption { font-size: 0.9rem; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; border: 1px solid rgba(0,0,0,0.25); vertical-align: middle; margin-right: 0.3rem; }
.no-crop { display: inline-block; font-size: 0.85rem; color: var(--muted); border: 1px dashed var(--line); border-radius: 4px; padding: 0.5rem; }
.page-tag { font-size: 0.8rem; color: var(--muted); white-space: nowrap; }

.verdict { display: inline-block; border-radius: 999px; padding: 0 0.6rem; font-size: 0.85rem; font-weight: 600; white-space: nowrap; border: 1px solid; }
.verdict.supported { color: #17692f; background: #e3f4e8; border-color: #9fd3ad; }
.verdict.weak { color: #7a5000; background: #fff3d6; border-color: #f0cf7f; }
.verdict.not_supported { color: #a3211a; background: #fde7e6; border-color: #f1a8a3; }
.verdict.evidence_missing { color: #5e1a87; background: #f3e6fa; border-color: #cfa6e6; }
.verdict.not_marked { color: #9a4207; background: #ffedd5; border-color: #f7b77b; }
.verdict.unreadable { color: #444; background: #ececec; border-color: #bbb; }

.toolbar { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; align-items: flex-end; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 0.8rem; margin-bottom: 0.8rem; }
.toolbar label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
.toolbar label.inline { flex-direction: row; gap: 0.4rem; align-items: center; color: var(--ink); font-size: 1rem; }
.toolbar .spacer { flex: 1; }
select, input, textarea, button { font: inherit; font-size: 0.95rem; }
select { padding: 0.2rem 0.3rem; max-width: 28rem; }
button { cursor: pointer; border: 1px solid #aeb7c5; background: #fff; border-radius: 6px; padding: 0.25rem 0.8rem; }
button:hover { background: #eef2f8; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
button.primary:hover { background: #173d6e; }
.status { font-size: 0.85rem; color: var(--muted); }
.status.warn { color: var(--error); }

table.by-question th:nth-child(1) { width: 17%; }
table.by-question th:nth-child(2) { width: 33%; }
table.by-question th:nth-child(3) { width: 22%; }
.quiet-agencies { margin-top: 0.8rem; }
table.province th:nth-child(1) { width: 7%; }
table.province th:nth-child(2) { width: 38%; }
table.province th:nth-child(4) { width: 15%; }
table.province .provenance { font-size: 0.9rem; }
table.province .mark, ul.answers .mark { color: var(--ok); font-weight: 700; margin-right: 0.3rem; }
table.province .value { font-weight: 600; background: #eef3fb; border-radius: 4px; padding: 0 0.3rem; }
table.audit td { font-size: 0.95rem; }
table.audit th:nth-child(1) { width: 12%; }
table.audit th:nth-child(2) { width: 17%; }
table.audit th:nth-child(3) { width: 9%; }
table.audit th:nth-child(4) { width: 18%; }
table.audit th:nth-child(6) { width: 15%; }
.evidence-where { font-size: 0.8rem; color: var(--muted); overflow-wrap: anywhere; }
table.audit td.evidence-cell { min-width: 240px; }
table.audit .snippet { background: #fff8c4; border-radius: 3px; padding: 0 0.2rem; overflow-wrap: anywhere; }
table.audit tr.decided-accept td:first-child { box-shadow: inset 5px 0 0 var(--ok); }
table.audit tr.decided-reject td:first-child { box-shadow: inset 5px 0 0 var(--error); }
fieldset.decide { border: 0; margin: 0; padding: 0; min-width: 11rem; }
fieldset.decide .choices { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
fieldset.decide label.choice { display: inline-flex; gap: 0.2rem; align-items: center; white-space: nowrap; }
fieldset.decide label.comment { display: block; font-size: 0.85rem; color: var(--muted); margin-top: 0.3rem; }
fieldset.decide textarea { display: block; width: 100%; min-height: 2.2rem; resize: vertical; }
fieldset.decide button { margin-top: 0.3rem; font-size: 0.85rem; padding: 0.1rem 0.6rem; }
ul.reasons { margin: 0.2rem 0 0; padding-left: 1.1rem; font-size: 0.9rem; color: #3d4452; }

details > summary { cursor: pointer; }

@media print {
  html { background: #fff; font-size: 12pt; }
  header.top { background: none; color: #000; padding: 0; }
  nav.tabs, .toolbar, .no-print, button { display: none !important; }
  main { padding: 0; max-width: none; }
  section.card, article.question { break-inside: avoid; border-color: #999; }
  thead th { position: static; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
