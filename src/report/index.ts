/**
 * report.html: one self-contained page (inline CSS, script and crop images; no network) for secretariats and
 * auditors to read every agency's answers, issues and marked evidence, compare agencies question by question, and
 * record audit decisions that `batch --decisions` reads back.
 *
 * renderReport is pure: the same input gives the same string. The data travels as one JSON block (`<` escaped, so
 * nothing in it can close the script element); the page script lays it out with DOM calls only. A content security
 * policy pinned to the hashes of our own style and script keeps anything else from running or loading.
 */
import { createHash } from "node:crypto";
import { buildReportData, type RenderReportInput } from "./data.js";
import { REPORT_JS } from "./client.js";
import { REPORT_CSS } from "./style.js";

export type { RenderReportInput, ReportData } from "./data.js";
export { REPORT_MESSAGES, type ReportMessages } from "./messages.js";

export function renderReport(input: RenderReportInput): string {
  const data = buildReportData(input);
  const json = JSON.stringify(data);
  // Keys the page's saved decisions: a report of other data starts from its own input decisions.
  const contentHash = sha256(json).toString("hex").slice(0, 16);
  const ui = data.ui;
  const title = `${ui.title} — ${data.form.title}`;
  const csp = [
    "default-src 'none'",
    "img-src data:",
    `style-src 'sha256-${sha256(REPORT_CSS).toString("base64")}'`,
    `script-src 'sha256-${sha256(REPORT_JS).toString("base64")}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const tabs: [string, string][] = [
    ["agencies", ui.tabs.agencies],
    ["questions", ui.tabs.questions],
    ["audit", ui.tabs.audit],
    ...(data.province ? ([["province", ui.tabs.province]] as [string, string][]) : []),
  ];
  return `<!doctype html>
<html lang="${data.lang}" data-report-hash="${contentHash}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top">
<h1>${escapeHtml(ui.title)}</h1>
<p class="subtitle">${escapeHtml(fill(ui.subtitle, { form: data.form.title, agencies: String(data.agencies.length) }))}</p>
<nav class="tabs" aria-label="${escapeHtml(ui.title)}">
${tabs.map(([id, label]) => `<a href="#${id}" data-tab="${id}">${escapeHtml(label)}</a>`).join("\n")}
</nav>
</header>
<main id="app"><noscript>${escapeHtml(ui.noScript)}</noscript></main>
<script type="application/json" id="report-data">${jsonForScript(json)}</script>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON inside a script element: `<` as \u003c so no "</script" or "<!--" can appear; U+2028/2029 escaped too.
 * Both are JSON string escapes, so JSON.parse reads back exactly the same data.
 */
function jsonForScript(json: string): string {
  return json.replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}
