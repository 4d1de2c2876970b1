/**
 * The workbench's pages, rendered on the server from the batch's ledger (batch.json) and the agency bundles, in the
 * report's look (its stylesheet). Plain HTML forms: every action works without scripts; /app.js only adds drag and
 * drop and live progress.
 */
import type { AgencyBundle, BatchManifest, BundleEvidence, BundlePage } from "../bundle/schema.js";
import { formatThaiDate } from "../render/answers-fill.js";
import { escapeHtml as e } from "../report/index.js";
import { REPORT_CSS } from "../report/style.js";
import { issueName, issueText, STATUS_TEXT, AGENCY_STATUSES, type LedgerAgency } from "../ledger/index.js";
import { VERDICT_TH } from "../batch/messages.js";
import type { StoredDecision } from "./workspace.js";

const EXTRA_CSS = `
.drop { border: 2px dashed var(--line); border-radius: 8px; padding: 1rem; background: var(--paper); margin-bottom: 1rem; }
.drop.over { border-color: var(--accent); background: #eef3fb; }
.progress { font-size: 0.95rem; color: var(--muted); min-height: 1.5em; }
table.board { width: 100%; border-collapse: collapse; background: var(--paper); }
table.board th, table.board td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
.status { display: inline-block; border-radius: 4px; padding: 0 0.5rem; font-weight: 600; white-space: nowrap; }
.status-not_received { background: #eef0f3; color: var(--muted); }
.status-must_fix { background: var(--error-bg); color: var(--error); }
.status-complete { background: var(--warning-bg); color: #6b4e00; }
.status-audited { background: var(--ok-bg); color: var(--ok); }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; margin-bottom: 1rem; }
.issue { border-left: 4px solid var(--line); padding: 0.3rem 0.6rem; margin: 0.3rem 0; background: var(--band); }
.issue.error { border-color: var(--error); } .issue.warning { border-color: var(--warning); } .issue.info { border-color: var(--info); }
form.decide { display: flex; gap: 0.4rem; flex-wrap: wrap; align-items: center; margin-top: 0.3rem; }
form.decide input[name=comment] { flex: 1 1 20rem; }
.decided { font-size: 0.9rem; color: var(--muted); }
.evidence-page img { max-width: 100%; cursor: zoom-in; border: 1px solid var(--line); background: #fff; }
.evidence-page img.zoomed { max-width: none; cursor: zoom-out; }
.evidence-page { overflow: auto; margin: 0; }
.swatch { display: inline-block; width: 1em; height: 1em; border-radius: 3px; vertical-align: middle; border: 1px solid var(--line); }
`;

export function page(title: string, body: string, nav: "board" | "agency" = "board"): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} — samruat</title><link rel="stylesheet" href="/style.css"></head>
<body><header class="top"><h1>samruat · สำรวจ</h1><p class="subtitle">${e(title)}</p>
<nav class="tabs"><a href="/"${nav === "board" ? ' aria-current="page"' : ""}>สถานะหน่วยงาน</a><a href="/report">รายงานฉบับเต็ม</a><a href="/exports">ดาวน์โหลด</a></nav></header>
<main>${body}</main><script src="/app.js" defer></script></body></html>`;
}

export const STYLE = REPORT_CSS + EXTRA_CSS;

const badge = (a: Pick<LedgerAgency, "status">) => `<span class="status status-${a.status}">${e(STATUS_TEXT[a.status].th)}</span>`;

export function boardPage(manifest: BatchManifest | undefined, state: { busy: boolean; error: string | null; received: number }): string {
  const upload = `<section class="drop" id="drop"><h2>รับไฟล์จากหน่วยงาน</h2>
<p>ลากไฟล์ โฟลเดอร์ หรือไฟล์ .zip มาวางที่นี่ หรือ</p>
<form method="post" action="/upload" enctype="multipart/form-data" id="upload-form">
<label>เลือกไฟล์ <input type="file" name="files" multiple></label>
<label>หรือเลือกโฟลเดอร์ <input type="file" name="folder" webkitdirectory multiple></label>
<button type="submit">ส่งไฟล์</button></form>
<p class="progress" id="progress" aria-live="polite" data-busy="${state.busy ? "1" : ""}">${state.busy ? "กำลังประมวลผล…" : ""}${state.error ? `<span class="status status-must_fix">ประมวลผลไม่สำเร็จ</span> ${e(state.error)}` : ""}</p>
<p class="muted">ได้รับแล้ว ${state.received} ไฟล์</p></section>`;
  if (!manifest) return page("สถานะหน่วยงาน", `${upload}<p class="muted">ยังไม่มีผลการตรวจ — ส่งไฟล์ที่ได้รับจากหน่วยงานเพื่อเริ่ม</p>`);
  const counts = AGENCY_STATUSES.map((s) => `${badge({ status: s })} ${manifest.summary.statuses[s] ?? 0}`).join(" ");
  const rows = manifest.agencies
    .map((a) => {
      const open = a.counts.error + a.counts.warning;
      const audited = a.audit.total ? `${a.audit.supported + a.audit.accepted + a.audit.rejected}/${a.audit.total}` : "–";
      return `<tr data-status="${a.status}"><th scope="row"><a href="/agency/${encodeURIComponent(a.id)}">${e(a.name)}</a>${a.expected ? "" : ' <span class="muted">(ไม่อยู่ในรายชื่อ)</span>'}</th>
<td>${badge(a)}</td><td>${a.received ? e(formatThaiDate(a.received)) : "–"}</td><td class="num">${open}</td><td class="num">${audited}</td></tr>`;
    })
    .join("");
  const filters = `<p><label>แสดง <select id="filter"><option value="">ทุกสถานะ</option>${AGENCY_STATUSES.map((s) => `<option value="${s}">${e(STATUS_TEXT[s].th)}</option>`).join("")}</select></label></p>`;
  return page(
    "สถานะหน่วยงาน",
    `${upload}<h2>หน่วยงานตามรายชื่อ ${manifest.agencies.length} แห่ง</h2><p>${counts}</p>${filters}
<table class="board"><thead><tr><th scope="col">หน่วยงาน</th><th scope="col">สถานะ</th><th scope="col">ได้รับล่าสุด</th><th scope="col" class="num">ปัญหาที่ต้องแก้/ตรวจ</th><th scope="col" class="num">ตรวจหลักฐานแล้ว</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

export function agencyPage(manifest: BatchManifest, agency: LedgerAgency, bundle: AgencyBundle | undefined, decisions: StoredDecision[], letter: boolean, reviewer?: string): string {
  const who = reviewer
    ? `<span class="muted">ในนามของ ${e(reviewer)}</span>`
    : `<input name="reviewer" placeholder="ชื่อผู้ตรวจ" required aria-label="ชื่อผู้ตรวจ" value="">`;
  const issues = manifest.issues.filter((i) => i.agency === agency.id);
  const problems = issues.length
    ? issues
        .map((i) => {
          const t = issueText(i, "th");
          return `<div class="issue ${i.severity}"><strong>${e(i.question || "ทั้งฉบับ")}</strong> · ${e(issueName(i.code, "th"))}: ${e(t.message)}${t.hint ? `<br><span class="muted">วิธีแก้: ${e(t.hint)}</span>` : ""}</div>`;
        })
        .join("")
    : `<p class="muted">ไม่มีสิ่งที่ต้องแก้</p>`;
  const decided = new Map(decisions.filter((d) => d.agency === agency.id).map((d) => [d.field, d]));
  const audit = (bundle?.audit ?? [])
    .map((item) => {
      const d = decided.get(item.field);
      const sha = bundle?.evidence.find((ev) => ev.file === item.evidence?.file)?.sha256.slice(0, 16);
      const where = item.evidence ? `${e(item.evidence.file)} หน้า ${item.evidence.page}` : "";
      const snippet = item.evidence
        ? `<br><span class="muted">พบ: “${e(item.evidence.snippet)}” (${sha ? `<a href="/evidence/${sha}/${item.evidence.page}">${where}</a>` : where})</span>`
        : "";
      const by = d ? `<p class="decided">${d.decision === "accept" ? "ยอมรับ" : "ไม่ยอมรับ"} โดย ${e(d.reviewer)} เมื่อ ${e(d.decidedAt.replace("T", " ").slice(0, 16))} UTC${d.comment ? ` — “${e(d.comment)}”` : ""}</p>` : "";
      return `<div class="card"><strong>${e(item.question)}</strong> ${e(item.label)}<br>ผลตรวจ: ${e(VERDICT_TH[item.verdict])}${snippet}${by}
<form class="decide" method="post" action="/decisions"><input type="hidden" name="agency" value="${e(agency.id)}"><input type="hidden" name="field" value="${e(item.field)}"><input type="hidden" name="question" value="${e(item.question)}">
<input name="comment" placeholder="หมายเหตุของผู้ตรวจ" value="${e(d?.comment ?? "")}" aria-label="หมายเหตุของผู้ตรวจ">
${who}
<button name="decision" value="accept">ยอมรับ</button><button name="decision" value="reject">ไม่ยอมรับ</button></form></div>`;
    })
    .join("");
  const contact = agency.contact?.email
    ? `<p>ผู้ประสานงาน: ${e(agency.contact.name)} · <a href="mailto:${encodeURIComponent(agency.contact.email).replace(/%40/gu, "@")}">${e(agency.contact.email)}</a></p>`
    : "";
  const letterLinks = letter
    ? `<p><a href="/letters/${encodeURIComponent(agency.id)}.docx">ดาวน์โหลดหนังสือแจ้งให้แก้ไข (.docx)</a> · <a href="/letters/${encodeURIComponent(agency.id)}.txt">ข้อความสำหรับอีเมล</a></p>`
    : "";
  return page(
    agency.name,
    `<p><a href="/">← กลับไปหน้าสถานะ</a> · <a href="/report#agency/${encodeURIComponent(agency.id)}">คำตอบและหลักฐานในรายงานฉบับเต็ม</a></p>
<h2>${e(agency.name)} ${badge(agency)}</h2>${contact}${letterLinks}
<section class="card"><h3>สิ่งที่ต้องแก้ไข (${issues.length})</h3>${problems}</section>
${evidenceList(bundle)}
<section><h3>ตรวจหลักฐาน (${bundle?.audit?.length ?? 0} คำตอบ)</h3>${audit || '<p class="muted">ไม่มีคำตอบที่ต้องตรวจหลักฐาน</p>'}</section>`,
    "agency",
  );
}

function evidenceList(bundle: AgencyBundle | undefined): string {
  const files = bundle?.evidence ?? [];
  if (!files.length) return "";
  const rows = files
    .map((ev) => {
      const sha = ev.sha256.slice(0, 16);
      const pages = ev.pages.map((p) => `<a href="/evidence/${sha}/${p.number}">${p.number}${p.regions.length ? "✎" : ""}</a>`).join(" ");
      return `<li>${e(ev.file)} — ข้อ ${e(ev.questions.join(", "))}${ev.error ? ` <span class="status status-must_fix">${e(ev.error.messageTh)}</span>` : ` · หน้า ${pages}`}</li>`;
    })
    .join("");
  return `<section class="card"><h3>ไฟล์หลักฐาน (${files.length})</h3><ul>${rows}</ul><p class="muted">✎ = หน้าที่มีข้อความทำสัญลักษณ์</p></section>`;
}

/** One evidence page at full resolution with its marked regions outlined; click the picture to zoom. */
export function evidencePage(agency: string, evidence: BundleEvidence, shown: BundlePage): string {
  const sha = evidence.sha256.slice(0, 16);
  const pages = evidence.pages.map((p) => (p.number === shown.number ? `<strong>${p.number}</strong>` : `<a href="/evidence/${sha}/${p.number}">${p.number}</a>`)).join(" ");
  const regions = shown.regions.length
    ? `<ol>${shown.regions.map((r) => `<li><span class="swatch" data-rgb="${e(r.rgb)}"></span> ${r.text ? `“${e(r.text)}”` : `<span class="muted">อ่านข้อความไม่ได้${r.unreadable ? ` (ใกล้เคียง: ${e(r.unreadable.nearby)})` : ""}</span>`}</li>`).join("")}</ol>`
    : `<p class="muted">หน้านี้ไม่มีข้อความที่ทำสัญลักษณ์</p>`;
  const original = evidence.file.includes("#") ? "" : ` · <a href="/files/${sha}${evidence.type === "pdf" ? `#page=${shown.number}` : ""}" target="_blank" rel="noopener">เปิดไฟล์ต้นฉบับ</a>`;
  return page(
    `${evidence.file} หน้า ${shown.number}`,
    `<p><a href="/">← กลับไปหน้าสถานะ</a>${original}</p><h2>${e(agency)}: ${e(evidence.file)}</h2>
<p>ข้อ ${e(evidence.questions.join(", "))} · หน้า ${pages}</p>
<section class="card"><h3>ข้อความที่ทำสัญลักษณ์ (${shown.regions.length})</h3>${regions}</section>
<figure class="evidence-page"><img id="page-image" src="/evidence/${sha}/${shown.number}.png" alt="หน้า ${shown.number} ของ ${e(evidence.file)} กรอบแสดงข้อความที่ทำสัญลักษณ์"><figcaption class="muted">คลิกที่ภาพเพื่อขยาย/ย่อ</figcaption></figure>`,
    "agency",
  );
}

export function exportsPage(available: string[]): string {
  const names: Record<string, string> = {
    "summary.xlsx": "สรุปผล (Excel)",
    "issues.csv": "รายการปัญหา (CSV)",
    "province.docx": "แบบสำรวจฉบับรวมจังหวัด (Word)",
    "province.json": "คำตอบฉบับรวมจังหวัด (JSON)",
    "report.html": "รายงาน (HTML ไฟล์เดียว)",
    "letters.zip": "หนังสือแจ้งทุกหน่วยงาน (.zip)",
    "decisions.json": "ผลการตัดสินของผู้ตรวจ (samruat.decisions/1)",
  };
  const links = available.map((f) => `<li><a href="/exports/${f}" download>${e(names[f] ?? f)}</a> <span class="mono muted">${e(f)}</span></li>`).join("");
  return page(
    "ดาวน์โหลด",
    `<h2>ดาวน์โหลดผล</h2><ul>${links}</ul>
<h3>นำเข้าผลการตัดสินของผู้ตรวจ</h3><form method="post" action="/decisions/import" enctype="multipart/form-data"><input type="file" name="file" accept=".json" required> <input name="reviewer" placeholder="ชื่อผู้นำเข้า" required> <button>นำเข้า</button></form>`,
  );
}

export function loginPage(failed: boolean): string {
  return page(
    "เข้าสู่ระบบ",
    `<section class="card"><h2>เข้าสู่ระบบผู้ตรวจ</h2>${failed ? '<p class="status status-must_fix">ชื่อหรือรหัสผ่านไม่ถูกต้อง</p>' : ""}
<form method="post" action="/login"><p><label>ชื่อผู้ตรวจ <input name="name" required autocomplete="username"></label></p>
<p><label>รหัสผ่าน <input name="password" type="password" required autocomplete="current-password"></label></p><button>เข้าสู่ระบบ</button></form></section>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<p>${e(message)}</p><p><a href="/">← กลับไปหน้าสถานะ</a></p>`);
}

/** Drag and drop (files and folders, with their relative paths) and live progress from /events. */
export const APP_JS = `
(function () {
  var drop = document.getElementById("drop"), progress = document.getElementById("progress"), filter = document.getElementById("filter");
  if (filter) filter.addEventListener("change", function () {
    document.querySelectorAll("tr[data-status]").forEach(function (tr) { tr.hidden = !!filter.value && tr.dataset.status !== filter.value; });
  });
  if (progress && progress.dataset.busy && window.EventSource) {
    var events = new EventSource("/events");
    events.onmessage = function (m) {
      var e = JSON.parse(m.data);
      if (e.type === "progress") progress.textContent = e.stage + " " + e.done + "/" + e.total + (e.file ? " · " + e.file : "");
      if (e.type === "done") { events.close(); location.reload(); }
    };
  }
  var img = document.getElementById("page-image");
  if (img) img.addEventListener("click", function () { img.classList.toggle("zoomed"); });
  document.querySelectorAll(".swatch[data-rgb]").forEach(function (s) { s.style.background = s.dataset.rgb; });
  if (!drop) return;
  function walk(entry, prefix, out) {
    return new Promise(function (resolve) {
      if (entry.isFile) entry.file(function (f) { out.push([prefix + f.name, f]); resolve(); }, resolve);
      else if (entry.isDirectory) {
        var reader = entry.createReader(), all = [];
        (function more() { reader.readEntries(function (batch) {
          if (!batch.length) Promise.all(all.map(function (e) { return walk(e, prefix + entry.name + "/", out); })).then(resolve);
          else { all = all.concat([].slice.call(batch)); more(); }
        }, resolve); })();
      } else resolve();
    });
  }
  function send(out) {
    var form = new FormData();
    out.forEach(function (p) { form.append("files", p[1], p[1].name); form.append("paths", p[0]); });
    progress.textContent = "กำลังส่ง " + out.length + " ไฟล์…";
    return fetch("/upload", { method: "POST", body: form, headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }).then(function (r) {
      progress.textContent = r.message || "";
      if (r.ok) setTimeout(function () { location.reload(); }, 300);
    });
  }
  var uploadForm = document.getElementById("upload-form");
  if (uploadForm) uploadForm.addEventListener("submit", function (ev) {
    // Folders keep their structure: each file is sent with its path inside the chosen folder.
    ev.preventDefault();
    var out = [];
    [].slice.call(uploadForm.querySelectorAll("input[type=file]")).forEach(function (input) {
      [].slice.call(input.files).forEach(function (f) { out.push([f.webkitRelativePath || f.name, f]); });
    });
    if (out.length) send(out);
  });
  drop.addEventListener("dragover", function (ev) { ev.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (ev) {
    ev.preventDefault(); drop.classList.remove("over");
    var out = [], items = [].slice.call(ev.dataTransfer.items || []);
    Promise.all(items.map(function (it) { var en = it.webkitGetAsEntry && it.webkitGetAsEntry(); return en ? walk(en, "", out) : Promise.resolve(); })).then(function () { send(out); });
  });
})();
`;
