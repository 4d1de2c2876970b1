/**
 * The report page's script, inlined as text. It reads the JSON data block and builds the views with DOM calls
 * only: every piece of data becomes a text node or an attribute value, never markup, so file names and OCR text
 * cannot inject anything. Views follow location.hash (#agencies, #agency/<id>, #question/<code>, #audit?…,
 * #province) so the back button and a reload keep the place.
 *
 * Written as plain ES2020 in a string (no backticks or dollar-brace inside): the page runs it as is, with no
 * bundler between this file and the browser.
 */
export const REPORT_JS = String.raw`
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var HASH = document.documentElement.getAttribute("data-report-hash");
  var UI = DATA.ui;
  var DECISIONS_SCHEMA = "samruat.decisions/1";
  var STORAGE_KEY = "samruat.decisions." + HASH;
  var VERDICTS = ["supported", "weak", "not_supported", "evidence_missing", "not_marked", "unreadable"];
  var app = document.getElementById("app");

  // ---------- small helpers ----------

  var PROPERTIES = { checked: 1, value: 1, selected: 1, disabled: 1, hidden: 1 };

  /** h("tag", {attr: value, onclick: fn}, children…): strings become text nodes. */
  function h(tag, props) {
    var el = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var v = props[key];
        if (v === undefined || v === null || v === false) return;
        if (key === "class") el.className = v;
        else if (key.slice(0, 2) === "on") el.addEventListener(key.slice(2), v);
        else if (PROPERTIES[key]) el[key] = v;
        else el.setAttribute(key, v === true ? "" : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }
  function add(el, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { add(el, c); });
    else el.append(child instanceof Node ? child : String(child));
  }
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name] === undefined ? "" : String(values[name]); });
  }
  function percent(x) { return Math.round(100 * x) + "%"; }
  function groupBy(list, keyOf) {
    var map = new Map();
    list.forEach(function (item) {
      var key = keyOf(item);
      if (!map.has(key)) map.set(key, []);
      map.get(key).push(item);
    });
    return map;
  }
  function shorten(text, n) { return text.length > n ? text.slice(0, n - 1) + "…" : text; }
  function countBadge(n, kind) { return h("span", { class: "count " + (n > 0 ? kind : "zero") }, n); }
  function verdictBadge(verdict) { return h("span", { class: "verdict " + verdict }, UI.verdicts[verdict] || verdict); }
  function blockTitle(text) { return h("div", { class: "block-title" }, text); }

  var questionByCode = new Map(DATA.questions.map(function (q) { return [q.code, q]; }));
  var agencyById = new Map(DATA.agencies.map(function (a) { return [a.id, a]; }));
  var groupTitle = new Map(DATA.groups.map(function (g) { return [g.key, g.title]; }));

  /** Per-agency lookups by question and field, built on first use. */
  var indexCache = new Map();
  function indexOf(agency) {
    if (indexCache.has(agency.id)) return indexCache.get(agency.id);
    var evidenceByQuestion = new Map();
    agency.evidence.forEach(function (e) {
      e.questions.forEach(function (q) {
        if (!evidenceByQuestion.has(q)) evidenceByQuestion.set(q, []);
        evidenceByQuestion.get(q).push(e);
      });
    });
    var index = {
      answers: groupBy(agency.answers, function (a) { return a.question; }),
      issues: groupBy(agency.issues, function (i) { return questionByCode.has(i.question) ? i.question : ""; }),
      evidence: evidenceByQuestion,
      audit: new Map(agency.audit.map(function (a) { return [a.field, a]; })),
      notAsked: new Set(agency.notAsked),
    };
    indexCache.set(agency.id, index);
    return index;
  }

  // ---------- shared pieces: answers, issues, evidence of one agency for one question ----------

  function isNotAsked(agency, code) { return indexOf(agency).notAsked.has(code); }

  function answersList(agency, code) {
    var question = questionByCode.get(code);
    var answers = indexOf(agency).answers.get(code) || [];
    var audit = indexOf(agency).audit;
    if (answers.length === 0) {
      if (question && question.heading) return h("p", { class: "muted" }, UI.question.headingNote);
      if (isNotAsked(agency, code)) return h("p", { class: "muted" }, fmt(UI.question.notAsked, { who: DATA.roles[question.answeredBy] || question.answeredBy }));
      return h("p", { class: "muted" }, UI.question.notAnswered);
    }
    return h("ul", { class: "answers" }, answers.map(function (a) {
      var item = audit.get(a.field);
      var li = h("li", { "data-field": a.field },
        a.value === true
          ? [h("span", { class: "mark", "aria-hidden": "true" }, "☑"), a.label, a.column ? h("span", { class: "column" }, " — " + a.column) : null]
          : [a.label + ": ", h("span", { class: "value" }, a.value),
             a.raw !== undefined ? h("span", { class: "muted" }, " (" + UI.question.typed + " “" + a.raw + "”)") : null],
        item ? [" ", verdictBadge(item.verdict)] : null);
      li.style.paddingLeft = (a.depth * 1.4) + "em";
      return li;
    }));
  }

  function issuesList(issues) {
    return h("ul", { class: "issues" }, issues.map(function (i) {
      return h("li", { class: i.severity, "data-code": i.code },
        h("span", { class: "severity" }, DATA.severity[i.severity] + ":"), i.message,
        i.hint ? h("div", { class: "hint" }, DATA.hintLabel + ": " + i.hint) : null);
    }));
  }

  function cropImage(index, page, text) {
    if (index === undefined) return h("span", { class: "no-crop" }, UI.evidence.noCrop);
    return h("img", { src: DATA.crops[index], alt: fmt(UI.evidence.cropAlt, { n: page, text: shorten(text, 80) }), loading: "lazy", decoding: "async" });
  }

  /**
   * How the file's text was read: its text layer, or OCR with the least confident page's confidence — and how many of
   * its marked regions could not be read, which a good page figure must not hide.
   */
  function readingOf(e) {
    var ocr = e.pages.filter(function (p) { return p.source === "ocr"; });
    var regions = [].concat.apply([], e.pages.map(function (p) { return p.regions; }));
    var unreadable = regions.filter(function (r) { return r.unreadable; }).length;
    var parts = [];
    if (ocr.length === 0) parts.push(e.pages.length ? UI.evidence.textLayer : "");
    else parts.push(UI.evidence.ocr + " " + fmt(UI.evidence.confidence, { n: Math.round(Math.min.apply(null, ocr.map(function (p) { return p.confidence; })) * 100) }));
    if (unreadable) parts.push(fmt(UI.evidence.unreadableCount, { n: unreadable, total: regions.length }));
    return parts.filter(Boolean).join(" · ");
  }

  function regionCaption(r) {
    if (!r.unreadable) return r.text;
    return h("span", null,
      h("span", { class: "problem-inline" }, UI.evidence.unreadable),
      r.unreadable.guess ? h("span", { class: "muted" }, " · " + UI.evidence.guess + ": " + r.unreadable.guess) : null,
      r.unreadable.nearby ? h("span", { class: "muted" }, " · " + UI.evidence.nearby + ": " + shorten(r.unreadable.nearby, 160)) : null);
  }

  function evidenceFile(e) {
    var reading = readingOf(e);
    var head = h("div", { class: "file-head" },
      h("span", { class: "mono" }, e.file),
      h("span", { class: "muted" }, e.type + (reading ? " · " + reading : "") + " · " + UI.evidence.linkedBy + " " + (UI.linkedBy[e.linkedBy] || e.linkedBy)),
      e.pages.length > 1 ? h("span", { class: "muted" }, fmt(UI.evidence.pages, { n: e.pages.length })) : null);
    var body = [];
    if (e.error) body.push(h("div", { class: "problem" }, e.error));
    e.warnings.forEach(function (w) { body.push(h("div", { class: "note" }, w)); });
    if (!e.error && !e.marked && e.warnings.length === 0) body.push(h("div", { class: "note" }, UI.evidence.nothingMarked));
    var regions = [];
    e.pages.forEach(function (p) {
      p.regions.forEach(function (r) {
        var swatch = h("span", { class: "swatch", "aria-hidden": "true" });
        swatch.style.background = r.rgb;
        regions.push(h("figure", { class: "region" },
          cropImage(r.crop, p.number, r.text || (r.unreadable && r.unreadable.guess) || ""),
          h("figcaption", null, swatch, h("span", { class: "page-tag" }, fmt(UI.evidence.page, { n: p.number }) + ": "), regionCaption(r))));
      });
      p.warnings.forEach(function (w) { body.push(h("div", { class: "note" }, fmt(UI.evidence.page, { n: p.number }) + ": " + w)); });
    });
    return h("div", { class: "evidence-file" }, head, body, regions.length ? h("div", { class: "regions" }, regions) : null);
  }

  function evidenceList(agency, code) {
    var files = indexOf(agency).evidence.get(code) || [];
    if (files.length === 0) {
      var needed = (indexOf(agency).answers.get(code) || []).some(function (a) { return a.needsEvidence; });
      return needed ? h("p", { class: "note" }, UI.question.noEvidence + " · " + UI.question.evidenceNeeded) : h("p", { class: "muted" }, UI.question.noEvidence);
    }
    return files.map(evidenceFile);
  }

  // ---------- agencies ----------

  function agencyLink(agency) { return h("a", { href: "#agency/" + encodeURIComponent(agency.id) }, agency.name); }

  function completenessCell(value) {
    if (value === undefined) return h("span", { class: "muted" }, "–");
    var bar = h("span", { class: "bar", "aria-hidden": "true" }, h("span"));
    bar.firstChild.style.width = percent(value);
    return [bar, percent(value)];
  }

  function statusBadge(agency) { return h("span", { class: "status status-" + agency.status }, agency.statusText); }

  function auditSummary(agency) {
    if (agency.audit.length === 0) return h("span", { class: "muted" }, "–");
    var supported = agency.audit.filter(function (a) { return a.verdict === "supported"; }).length;
    return fmt(UI.agencies.auditSummary, { supported: supported, total: agency.audit.length });
  }

  function filesTable(files) {
    return h("table", { class: "compact" },
      h("thead", null, h("tr", null,
        h("th", { scope: "col" }, UI.evidence.fileName), h("th", { scope: "col" }, UI.evidence.status), h("th", { scope: "col" }, UI.evidence.reason))),
      h("tbody", null, files.map(function (f) {
        return h("tr", null,
          h("td", null, h("span", { class: "mono" }, f.path), " ", h("span", { class: "muted" }, "(" + (UI.fileKind[f.kind] || f.kind) + ")")),
          h("td", null, (UI.fileStatus[f.status] || f.status) + (f.questions && f.questions.length ? " · " + f.questions.join(", ") : "")),
          h("td", null, f.reason || ""));
      })));
  }

  function viewAgencies() {
    var ui = UI.agencies;
    var rows = DATA.agencies.map(function (a) {
      return h("tr", { "data-agency": a.id, "data-status": a.status },
        h("th", { scope: "row" }, agencyLink(a), a.expected ? null : h("span", { class: "muted" }, " (" + ui.notExpected + ")")),
        h("td", null, statusBadge(a)),
        h("td", null, a.received || h("span", { class: "muted" }, "–")),
        h("td", null, DATA.roles[a.respondent] || a.respondent),
        h("td", null, completenessCell(a.completeness)),
        h("td", { class: "num" }, countBadge(a.counts.error, "error")),
        h("td", { class: "num" }, countBadge(a.counts.warning, "warning")),
        h("td", null, UI.identifiedBy[a.identifiedBy] || a.identifiedBy),
        h("td", null, auditSummary(a)));
    });
    var counts = {};
    DATA.agencies.forEach(function (a) { counts[a.status] = (counts[a.status] || 0) + 1; });
    var summary = DATA.statuses.filter(function (s) { return counts[s.key]; }).map(function (s) {
      return h("span", { class: "status status-" + s.key }, s.text + " " + counts[s.key]);
    });
    return [
      h("h2", { tabindex: "-1" }, ui.heading),
      h("p", { class: "status-summary" }, ui.statusSummary, " ", summary),
      h("table", { class: "agencies" },
        h("thead", null, h("tr", null, [ui.name, ui.status, ui.received, ui.respondent, ui.completeness, ui.errors, ui.warnings, ui.identifiedBy, ui.audit]
          .map(function (t, i) { return h("th", { scope: "col", class: i === 5 || i === 6 ? "num" : null }, t); }))),
        h("tbody", null, rows)),
      DATA.unassignedFiles.length
        ? [h("h3", null, ui.unassignedFiles), filesTable(DATA.unassignedFiles)]
        : null,
    ];
  }

  function questionArticle(agency, q) {
    var issues = indexOf(agency).issues.get(q.code) || [];
    var article = h("article", { class: "question", id: "q-" + q.code, "data-question": q.code },
      h("div", { class: "question-head" }, h("span", { class: "code" }, q.code), h("span", { class: "question-text" }, q.text)),
      h("div", { class: "question-body" },
        h("div", null, blockTitle(UI.question.answers), answersList(agency, q.code), issues.length ? issuesList(issues) : null),
        h("div", null, blockTitle(UI.question.evidence), evidenceList(agency, q.code))));
    article.dataset.hasIssues = issues.length ? "1" : "0";
    return article;
  }

  function viewAgency(id) {
    var agency = agencyById.get(id);
    if (!agency) return viewAgencies();
    var ui = UI.agency;
    var index = indexOf(agency);
    var meta = h("dl", { class: "meta" },
      h("dt", null, UI.agencies.status), h("dd", null, statusBadge(agency), agency.received ? " · " + UI.agencies.received + " " + agency.received : null),
      h("dt", null, ui.sourceFile), h("dd", null, h("span", { class: "mono" }, agency.file || "–")),
      h("dt", null, UI.agencies.respondent), h("dd", null, DATA.roles[agency.respondent] || agency.respondent),
      h("dt", null, UI.agencies.identifiedBy), h("dd", null, UI.identifiedBy[agency.identifiedBy] || agency.identifiedBy),
      agency.method ? [h("dt", null, ui.readBy), h("dd", null, UI.readMethod[agency.method] || agency.method)] : null,
      h("dt", null, UI.agencies.completeness), h("dd", null, completenessCell(agency.completeness)),
      h("dt", null, UI.agencies.errors + " / " + UI.agencies.warnings),
      h("dd", null, countBadge(agency.counts.error, "error"), " ", countBadge(agency.counts.warning, "warning")));

    var parts = [h("p", { class: "no-print" }, h("a", { href: "#agencies" }, UI.agency.back)), h("h2", { tabindex: "-1" }, agency.name)];
    if (!agency.hasBundle) {
      var problems = agency.issues.length ? h("section", { class: "card" }, h("h3", null, ui.documentIssues), issuesList(agency.issues)) : null;
      var files = agency.otherFiles.length ? h("section", { class: "card" }, filesTable(agency.otherFiles)) : null;
      return parts.concat(h("section", { class: "card" }, meta, h("p", { class: "muted" }, ui.notInBundle)), problems, files);
    }

    parts.push(h("section", { class: "card" }, meta,
      h("details", null, h("summary", null, ui.general),
        h("table", { class: "compact" }, h("tbody", null, agency.general.map(function (g) {
          return h("tr", null, h("th", { scope: "row" }, g.label), h("td", null, g.value));
        })))),
      agency.pillars.length
        ? h("details", null, h("summary", null, ui.pillarCompleteness),
            h("table", { class: "compact" }, h("tbody", null, agency.pillars.map(function (p) {
              return h("tr", null, h("th", { scope: "row" }, p.title), h("td", { class: "num" }, p.answered + " / " + p.required),
                h("td", null, completenessCell(p.required ? p.answered / p.required : 1)), h("td", { class: "muted" }, p.missing.join(", ")));
            }))))
        : null));

    var documentIssues = index.issues.get("") || [];
    if (documentIssues.length) parts.push(h("section", { class: "card" }, h("h3", null, ui.documentIssues), issuesList(documentIssues)));

    var files = [];
    if (agency.otherFiles.length) {
      files.push(h("details", { open: true }, h("summary", null, fmt(ui.otherFiles, { n: agency.otherFiles.length })), filesTable(agency.otherFiles)));
    }
    if (agency.evidence.length) {
      files.push(h("details", null, h("summary", null, fmt(ui.evidenceFiles, { n: agency.evidence.length })), h("table", { class: "compact" },
        h("thead", null, h("tr", null, [UI.evidence.fileName, UI.evidence.questions, UI.evidence.linkedBy, UI.evidence.marked]
          .map(function (t) { return h("th", { scope: "col" }, t); }))),
        h("tbody", null, agency.evidence.map(function (e) {
          var marked = e.pages.reduce(function (n, p) { return n + p.regions.length; }, 0);
          return h("tr", null, h("td", null, h("span", { class: "mono" }, e.file)), h("td", null, e.questions.join(", ")),
            h("td", null, UI.linkedBy[e.linkedBy] || e.linkedBy),
            h("td", null, e.error ? h("span", { class: "count error" }, e.error) : countBadge(marked, "ok")));
        })))));
    }
    if (files.length) parts.push(h("section", { class: "card" }, files));

    var onlyIssues = h("input", { type: "checkbox", id: "only-issues" });
    var hidden = 0;
    var groups = DATA.groups.map(function (g) {
      // Headings are answered in their sub-questions, and other respondents' questions are not this agency's to
      // answer: both are shown only when something landed on them anyway.
      var questions = DATA.questions.filter(function (q) {
        if (q.group !== g.key) return false;
        var show = (!q.heading && !isNotAsked(agency, q.code)) || index.answers.has(q.code) || index.issues.has(q.code);
        if (!show && !q.heading) hidden++;
        return show;
      });
      if (questions.length === 0) return null;
      return h("section", { class: "group", "data-group": g.key }, h("h3", null, g.title),
        questions.map(function (q) { return questionArticle(agency, q); }));
    });
    onlyIssues.addEventListener("change", function () {
      app.querySelectorAll("article.question").forEach(function (a) { a.hidden = onlyIssues.checked && a.dataset.hasIssues === "0"; });
    });
    parts.push(h("div", { class: "toolbar no-print" }, h("label", { class: "inline", for: "only-issues" }, onlyIssues, ui.onlyWithIssues),
      hidden ? h("span", { class: "status" }, fmt(ui.hiddenNotAsked, { n: hidden })) : null));
    return parts.concat(groups);
  }

  // ---------- questions ----------

  function viewQuestion(code) {
    var questions = DATA.questions.filter(function (q) { return !q.heading; });
    var position = Math.max(0, questions.findIndex(function (q) { return q.code === code; }));
    var q = questions[position];
    var select = h("select", { id: "question-pick", onchange: function () { location.hash = "#question/" + encodeURIComponent(select.value); } },
      DATA.groups.map(function (g) {
        return h("optgroup", { label: g.title }, questions.filter(function (x) { return x.group === g.key; }).map(function (x) {
          return h("option", { value: x.code, selected: x.code === q.code }, x.code + " " + shorten(x.text, 70));
        }));
      }));
    function step(delta) {
      var next = questions[position + delta];
      return h("button", { type: "button", id: delta < 0 ? "question-previous" : "question-next", disabled: !next, onclick: function () { location.hash = "#question/" + encodeURIComponent(next.code); } },
        delta < 0 ? UI.question.previous : UI.question.next);
    }
    var withBundle = DATA.agencies.filter(function (a) { return a.hasBundle; });
    // Agencies not asked this question and with nothing on it are named once below the table, not given a row each.
    var quiet = withBundle.filter(function (a) {
      var index = indexOf(a);
      return isNotAsked(a, q.code) && !index.answers.has(q.code) && !index.issues.has(q.code) && !index.evidence.has(q.code);
    });
    var rows = withBundle.filter(function (a) { return quiet.indexOf(a) < 0; }).map(function (a) {
      var issues = indexOf(a).issues.get(q.code) || [];
      return h("tr", { "data-agency": a.id },
        h("th", { scope: "row" }, agencyLink(a)),
        h("td", null, answersList(a, q.code)),
        h("td", null, issues.length ? issuesList(issues) : h("span", { class: "muted" }, UI.question.noIssues)),
        h("td", null, evidenceList(a, q.code)));
    });
    return [
      h("h2", { tabindex: "-1" }, UI.question.heading),
      h("div", { class: "toolbar no-print" },
        h("label", { for: "question-pick" }, UI.question.pick, select), step(-1), step(1)),
      h("section", { class: "card" },
        h("div", { class: "question-head" }, h("span", { class: "code" }, q.code), h("span", null, groupTitle.get(q.group))),
        h("p", { class: "question-text" }, q.text)),
      h("table", { class: "by-question" },
        h("thead", null, h("tr", null, [UI.question.agency, UI.question.answers, UI.question.issues, UI.question.evidence]
          .map(function (t) { return h("th", { scope: "col" }, t); }))),
        h("tbody", null, rows)),
      quiet.length
        ? h("p", { class: "muted quiet-agencies" }, fmt(UI.question.notAsked, { who: DATA.roles[q.answeredBy] || q.answeredBy }) + ": ",
            quiet.map(function (a, i) { return [i ? ", " : "", agencyLink(a)]; }))
        : null,
    ];
  }

  // ---------- auditor: verdicts and decisions ----------

  var decisions = new Map();
  var storageWorks = true;
  function decisionKey(agency, field) { return agency + "\n" + field; }
  function loadDecisions() {
    var list = DATA.decisions;
    try {
      var stored = localStorage.getItem(STORAGE_KEY);
      if (stored !== null) list = JSON.parse(stored).decisions;
    } catch (e) { storageWorks = false; }
    list.forEach(function (d) { decisions.set(decisionKey(d.agency, d.field), d); });
  }
  function decisionsFile() {
    var list = Array.from(decisions.values()).sort(function (a, b) {
      return a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0;
    });
    return { schema: DECISIONS_SCHEMA, decisions: list };
  }
  function saveDecisions() {
    try { localStorage.setItem(STORAGE_KEY, JSON.stringify(decisionsFile())); storageWorks = true; }
    catch (e) { storageWorks = false; }
  }
  function exportDecisions() {
    var text = JSON.stringify(decisionsFile(), null, 2) + "\n";
    // A data: link, not a blob: URL, so the page never asks for anything but data: and file: URLs.
    var link = h("a", { href: "data:application/json;charset=utf-8," + encodeURIComponent(text), download: "samruat-decisions.json" });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function decisionControls(agency, item, rowIndex, row, onChange) {
    var key = decisionKey(agency.id, item.field);
    var current = decisions.get(key);
    var name = "decision-" + rowIndex;
    var comment = h("textarea", { id: name + "-comment", rows: "1" });
    comment.value = current ? current.comment : "";
    var radios = [];
    function radio(value, label) {
      var input = h("input", { type: "radio", name: name, value: value, checked: current && current.decision === value });
      input.addEventListener("change", function () { record(value); });
      radios.push(input);
      return h("label", { class: "choice" }, input, label);
    }
    function paint() {
      var d = decisions.get(key);
      row.classList.toggle("decided-accept", !!d && d.decision === "accept");
      row.classList.toggle("decided-reject", !!d && d.decision === "reject");
      row.dataset.decision = d ? d.decision : "undecided";
    }
    function record(value) {
      decisions.set(key, { agency: agency.id, field: item.field, question: item.question, decision: value, comment: comment.value });
      saveDecisions(); paint(); onChange();
    }
    comment.addEventListener("input", function () {
      var d = decisions.get(key);
      if (d) { d.comment = comment.value; saveDecisions(); onChange(); }
    });
    var clear = h("button", { type: "button", onclick: function () {
      decisions.delete(key);
      radios.forEach(function (r) { r.checked = false; });
      comment.value = "";
      saveDecisions(); paint(); onChange();
    } }, UI.audit.clear);
    var fieldset = h("fieldset", { class: "decide" },
      h("legend", { class: "sr-only" }, UI.audit.decision + ": " + agency.name + " " + item.question + " " + item.label),
      h("div", { class: "choices" }, radio("accept", UI.audit.accept), radio("reject", UI.audit.reject)),
      h("label", { class: "comment", for: comment.id }, UI.audit.comment, comment), clear);
    paint();
    return fieldset;
  }

  function auditEvidence(item) {
    var e = item.evidence;
    if (!e) return h("span", { class: "muted" }, "–");
    return [
      h("div", null, h("span", { class: "snippet" }, e.snippet)),
      h("div", { class: "evidence-where" }, h("span", { class: "mono" }, e.file), " · " + fmt(UI.evidence.page, { n: e.page }) + " · " + (e.in === "marked" ? UI.audit.inMarked : UI.audit.inPage)),
      h("div", { class: "crop" }, cropImage(e.crop, e.page, e.snippet)),
    ];
  }

  function viewAudit(params) {
    var ui = UI.audit;
    var items = [];
    DATA.agencies.forEach(function (a) { a.audit.forEach(function (item) { items.push({ agency: a, item: item }); }); });
    var heading = h("h2", { tabindex: "-1" }, ui.heading);
    if (items.length === 0) return [heading, h("p", { class: "muted" }, ui.none)];

    function filterSelect(id, label, options, selected) {
      var select = h("select", { id: id }, options.map(function (o) { return h("option", { value: o[0], selected: o[0] === selected }, o[1]); }));
      return { select: select, label: h("label", { for: id }, label, select) };
    }
    function withVerdict(v) { return items.filter(function (x) { return x.item.verdict === v; }).length; }
    var verdict = filterSelect("filter-verdict", ui.filterVerdict, [["", ui.all + " (" + items.length + ")"]].concat(
      VERDICTS.map(function (v) { return [v, UI.verdicts[v] + " (" + withVerdict(v) + ")"]; })), params.get("verdict") || "");
    var agencies = DATA.agencies.filter(function (a) { return a.audit.length > 0; });
    var agency = filterSelect("filter-agency", ui.filterAgency, [["", ui.all]].concat(
      agencies.map(function (a) { return [a.id, a.name + " (" + a.audit.length + ")"]; })), params.get("agency") || "");
    var group = filterSelect("filter-group", ui.filterPillar, [["", ui.all]].concat(
      DATA.groups.map(function (g) { return [g.key, shorten(g.key === "G" ? g.title : g.key + " · " + g.title, 60)]; })), params.get("group") || "");
    var decided = filterSelect("filter-decision", ui.filterDecision,
      [["", ui.all], ["undecided", ui.undecided], ["accept", ui.accept], ["reject", ui.reject]], params.get("decision") || "");
    var shown = h("span", { class: "status", role: "status" });
    var saved = h("span", { class: "status", "aria-live": "polite" });

    var rows = items.map(function (x, i) {
      var item = x.item;
      var row = h("tr", { "data-agency": x.agency.id, "data-verdict": item.verdict, "data-group": item.group, "data-field": item.field });
      add(row, [
        h("td", null, agencyLink(x.agency), h("div", null, h("strong", null, item.question))),
        h("td", null, item.label),
        h("td", null, verdictBadge(item.verdict), h("div", { class: "page-tag" }, fmt(ui.score, { n: Math.round(item.score * 100) }))),
        h("td", null, item.expectation, item.reasons.length ? h("ul", { class: "reasons" }, item.reasons.map(function (r) { return h("li", null, r); })) : null),
        h("td", { class: "evidence-cell" }, auditEvidence(item)),
        h("td", null, decisionControls(x.agency, item, i, row, update)),
      ]);
      return row;
    });

    function update() {
      var want = { verdict: verdict.select.value, agency: agency.select.value, group: group.select.value, decision: decided.select.value };
      var visible = 0;
      rows.forEach(function (row) {
        var show = (!want.verdict || row.dataset.verdict === want.verdict) && (!want.agency || row.dataset.agency === want.agency) &&
          (!want.group || row.dataset.group === want.group) && (!want.decision || row.dataset.decision === want.decision);
        row.hidden = !show;
        if (show) visible++;
      });
      shown.textContent = fmt(ui.shown, { shown: visible, total: rows.length });
      saved.textContent = fmt(ui.exportNote, { n: decisions.size }) + " · " + (storageWorks ? ui.saved : ui.storageUnavailable);
      saved.className = "status" + (storageWorks ? "" : " warn");
      var query = new URLSearchParams();
      Object.keys(want).forEach(function (k) { if (want[k]) query.set(k, want[k]); });
      var hash = "#audit" + (query.toString() ? "?" + query.toString() : "");
      if (location.hash !== hash) history.replaceState(null, "", hash);
    }
    [verdict, agency, group, decided].forEach(function (f) { f.select.addEventListener("change", update); });
    var toolbar = h("div", { class: "toolbar" }, verdict.label, agency.label, group.label, decided.label, shown,
      h("span", { class: "spacer" }), saved, h("button", { type: "button", class: "primary", id: "export-decisions", onclick: exportDecisions }, ui.export));
    var table = h("table", { class: "audit" },
      h("thead", null, h("tr", null, [ui.agencyQuestion, ui.answered, ui.verdict, ui.expectation, ui.evidence, ui.decision]
        .map(function (t) { return h("th", { scope: "col" }, t); }))),
      h("tbody", null, rows));
    update();
    return [heading, h("p", { class: "muted" }, ui.intro), toolbar, table];
  }

  // ---------- province ----------

  function viewProvince() {
    var p = DATA.province;
    var ui = UI.province;
    var heading = h("h2", { tabindex: "-1" }, ui.heading + (p.title ? " — " + p.title : ""));
    return [heading].concat(DATA.groups.concat([{ key: "", title: "" }]).map(function (g) {
      var questions = p.questions.filter(function (q) { return q.group === g.key; });
      if (questions.length === 0) return null;
      return h("section", { class: "group" }, g.title ? h("h3", null, g.title) : null,
        h("table", { class: "province" },
          h("thead", null, h("tr", null, [ui.question, ui.merged, ui.provenance, ui.rule].map(function (t) { return h("th", { scope: "col" }, t); }))),
          h("tbody", null, questions.map(function (q) {
            var answers = q.answers.length ? q.answers : [{ label: "", value: "", provenance: [] }];
            return answers.map(function (a, i) {
              var notes = i === answers.length - 1 && q.notes.length ? q.notes.map(function (n) { return h("p", { class: "note" }, n); }) : null;
              return h("tr", { "data-question": q.code },
                i === 0 ? h("th", { scope: "row", rowspan: answers.length }, q.code) : null,
                h("td", null, a.value === true
                  ? [h("span", { class: "mark", "aria-hidden": "true" }, "☑"), a.label]
                  : [a.label ? a.label + ": " : "", a.value !== "" ? h("span", { class: "value" }, a.value) : h("span", { class: "muted" }, UI.question.notAnswered)], notes),
                h("td", { class: "provenance" }, a.provenance.join(", ")),
                h("td", { class: "muted" }, a.rule || ""));
            });
          }))));
    }));
  }

  // ---------- routing ----------

  function route() {
    var hash = location.hash.slice(1);
    var query = hash.indexOf("?");
    var path = query < 0 ? hash : hash.slice(0, query);
    var params = new URLSearchParams(query < 0 ? "" : hash.slice(query + 1));
    var slash = path.indexOf("/");
    var view = slash < 0 ? path : path.slice(0, slash);
    var arg = slash < 0 ? "" : decodeURIComponent(path.slice(slash + 1));
    if (view === "agency") return { tab: "agencies", render: function () { return viewAgency(arg); } };
    if (view === "question" || view === "questions") return { tab: "questions", render: function () { return viewQuestion(arg); } };
    if (view === "audit") return { tab: "audit", render: function () { return viewAudit(params); } };
    if (view === "province" && DATA.province) return { tab: "province", render: viewProvince };
    return { tab: "agencies", render: viewAgencies };
  }

  /** Keyboard focus after a view change: the same control when the new view has it (question picker), else the heading. */
  function render() {
    var current = route();
    var focused = document.activeElement;
    var focusedId = focused && app.contains(focused) ? focused.id : "";
    var hadFocus = focused && focused !== document.body;
    document.querySelectorAll("nav.tabs a").forEach(function (a) {
      if (a.dataset.tab === current.tab) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    app.replaceChildren();
    add(app, current.render());
    window.scrollTo(0, 0);
    var target = (focusedId && document.getElementById(focusedId)) || app.querySelector("h2");
    if (hadFocus && target) target.focus();
  }

  loadDecisions();
  window.addEventListener("hashchange", render);
  render();
})();
`;
