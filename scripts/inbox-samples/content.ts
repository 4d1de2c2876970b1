/**
 * Evidence documents for the demo inbox, each about one question of the PCIO 2567 form, in Chiang Mai.
 *
 * The document types the evidence generator already has (PCIO order, data governance order, PDPA notice, minutes,
 * digital plan, ISO/NIST policy) are used as they are, or wrapped (minutes with a chosen committee, number and date;
 * a filter on the drawn variant). Types it lacks (cyber-security plan, data governance plan and guideline, training
 * report, Microsoft 365 memo, work-from-anywhere notice, …) are written here as data — a `Topic` — and laid out by
 * one builder with the evidence generator's block helpers, so they look like the other documents.
 *
 * `[[phrase]]` marks a key phrase (a candidate for highlighting); `prefer` says which keys a careful officer marks
 * first (the phrase that answers the question).
 */
import {
  body,
  BODY_INDENT,
  centre,
  type Ctx,
  dataGovOrder,
  digitalPlan,
  docBase,
  governor,
  inl,
  item,
  minutes,
  P,
  pcioOrder,
  pdpaNotice,
  securityPolicy,
  shade,
  signBlock,
} from "../evidence-samples/content.js";
import type { Block, Doc, FontFamily, Inline, TableBlock } from "../evidence-samples/model.js";
import type { Rng } from "../evidence-samples/prng.js";
import { formatDate, MONTHS_ABBR, MONTHS_FULL, num, PROVINCES_TUNE, type ThaiDate } from "../evidence-samples/thai.js";

export const CHIANG_MAI = PROVINCES_TUNE.find((p) => p.en === "chiangmai")!;

export function chiangMaiCtx(rng: Rng, font?: FontFamily, thaiDigits?: boolean): Ctx {
  return {
    rng,
    split: "tune",
    province: CHIANG_MAI,
    thaiDigits: thaiDigits ?? rng.chance(0.75),
    font: font ?? rng.weighted<FontFamily>(["Laksaman", "Garuda", "Loma"], [0.7, 0.15, 0.15]),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const WEEKDAYS = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"];

export function weekday(d: ThaiDate): string {
  return WEEKDAYS[new Date(Date.UTC(d.yearBE - 543, d.month - 1, d.day)).getUTCDay()]!;
}

export function isoOf(d: ThaiDate): string {
  return `${d.yearBE - 543}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** A date between two BE dates (inclusive), from the rng. */
export function dateBetween(rng: Rng, from: ThaiDate, to: ThaiDate): ThaiDate {
  const a = Date.UTC(from.yearBE - 543, from.month - 1, from.day);
  const b = Date.UTC(to.yearBE - 543, to.month - 1, to.day);
  const t = new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000);
  return { day: t.getUTCDate(), month: t.getUTCMonth() + 1, yearBE: t.getUTCFullYear() + 543 };
}

/** Evidence is signed before the survey deadline (21 มิ.ย. 2567): dates from ต.ค. 2566 to พ.ค. 2567 by default. */
export function recentDate(rng: Rng): ThaiDate {
  return dateBetween(rng, { day: 2, month: 10, yearBE: 2566 }, { day: 31, month: 5, yearBE: 2567 });
}

// ---------------------------------------------------------------------------------------------------------------
// Whole-document helpers

/** Every text run of a document, for checks. */
export function docText(doc: Doc): string {
  const parts: string[] = [doc.title];
  const inls = (xs: Inline[]) => xs.map((x) => x.text).join("");
  for (const b of doc.blocks) {
    if (b.t === "para") parts.push(inls(b.inl));
    else if (b.t === "table") parts.push(b.head.join(" "), ...b.rows.map((r) => r.map(inls).join(" ")));
    else if (b.t === "sign") parts.push(...b.lines);
  }
  return parts.join("\n");
}

/** The same document with `fn` applied to every text run (title included). */
export function mapDocText(doc: Doc, fn: (s: string) => string): Doc {
  const m = (xs: Inline[]) => xs.map((x) => ({ ...x, text: fn(x.text) }));
  return {
    ...doc,
    title: fn(doc.title),
    blocks: doc.blocks.map((b): Block => {
      if (b.t === "para") return { ...b, inl: m(b.inl) };
      if (b.t === "table") return { ...b, head: b.head.map(fn), rows: b.rows.map((r) => r.map(m)) };
      if (b.t === "sign") return { ...b, lines: b.lines.map(fn) };
      return b;
    }),
  };
}

const MONTH_NAMES: string[] = [...MONTHS_FULL, ...MONTHS_ABBR];
const escRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
const THAI_DATE_RE = new RegExp(`([0-9๐-๙]{1,2})\\s*(${MONTH_NAMES.map(escRe).join("|")})\\s*(?:พ\\.ศ\\.\\s*)?([0-9๐-๙]{4}|[0-9๐-๙]{2})(?![0-9๐-๙])`, "gu");
const fromThai = (s: string) => s.replace(/[๐-๙]/gu, (c) => String(c.charCodeAt(0) - 0x0e50));

/** Thai dates written in the document (day month year, full or abbreviated month, 4- or 2-digit BE year). */
export function datesIn(doc: Doc): ThaiDate[] {
  const out: ThaiDate[] = [];
  for (const m of docText(doc).matchAll(THAI_DATE_RE)) {
    const month = (MONTH_NAMES.indexOf(m[2]!) % 12) + 1;
    const y = Number(fromThai(m[3]!));
    out.push({ day: Number(fromThai(m[1]!)), month, yearBE: y < 100 ? 2500 + y : y });
  }
  return out;
}

const beforeDeadline = (d: ThaiDate) => d.yearBE * 10000 + d.month * 100 + d.day <= 25670620;

// ---------------------------------------------------------------------------------------------------------------
// Wrapped builders

/**
 * Minutes of a named committee, with its meeting number and date in the heading (both key phrases: the officer marks
 * the committee name and the date). `shiftYears` rewrites the body's years for old minutes, so a 2565 meeting does
 * not talk about the 2567 survey.
 */
export function meetingMinutes(
  ctx: Ctx,
  id: string,
  o: { committee: string; meetNo: string; date: ThaiDate; size: "short" | "long"; shiftYears?: Record<string, string> },
): Doc {
  const d = ctx.thaiDigits;
  let doc = minutes(ctx, id, o.size);
  if (o.shiftYears) {
    const map = o.shiftYears;
    doc = mapDocText(doc, (s) => s.replace(/[0-9๐-๙]{4}/gu, (y) => map[fromThai(y)] !== undefined ? num(map[fromThai(y)]!, /[๐-๙]/u.test(y)) : y));
  }
  const dateText = formatDate(o.date, "full-pos", d);
  const blocks = doc.blocks.map((b): Block => {
    if (b.t !== "para") return b;
    const text = b.inl.map((x) => x.text).join("");
    if (text.startsWith("รายงานการประชุม")) return { ...b, inl: [{ text: `รายงานการประชุม${o.committee}`, bold: true, key: true }] };
    if (text.startsWith("ครั้งที่ ")) return { ...b, inl: [{ text: `ครั้งที่ ${o.meetNo}` }] };
    if (/^วัน.+ที่ .+ เวลา /u.test(text)) {
      const time = text.slice(text.indexOf(" เวลา "));
      return { ...b, inl: [{ text: `วัน${weekday(o.date)}ที่ ` }, { text: dateText, key: true }, { text: time }] };
    }
    return b;
  });
  return { ...doc, blocks, title: `รายงานการประชุม${o.committee} ครั้งที่ ${o.meetNo} วันที่ ${dateText}` };
}

/** Build with forks of `rng` until `ok` (deterministic: the first fork that passes). */
export function buildUntilOk(rng: Rng, build: (r: Rng) => Doc, ok: (doc: Doc) => boolean, label = "doc"): Doc {
  for (let i = 0; i < 200; i++) {
    const doc = build(rng.fork(`try${i}`));
    if (ok(doc) && datesIn(doc).every(beforeDeadline)) return doc;
  }
  throw new Error(`${label}: no variant passed the filter in 200 tries`);
}

/** The "เรื่อง  …" line's subject as a key phrase (officers often mark an order's subject). */
function keyTitle(doc: Doc): Doc {
  return {
    ...doc,
    blocks: doc.blocks.map((b): Block => {
      if (b.t !== "para") return b;
      const text = b.inl.map((x) => x.text).join("");
      const m = /^(เรื่อง\s+)(.+)$/u.exec(text);
      return m ? { ...b, inl: [{ text: m[1]! }, { text: m[2]!, key: true }] } : b;
    }),
  };
}

/**
 * The order the agenda cites: คำสั่งจังหวัดเชียงใหม่ ที่ ๓๐๔๖/๒๕๖๗ ลงวันที่ ๗ มิถุนายน ๒๕๖๗, chaired by the vice
 * governor heading the special-affairs group (number, date and chair written into a generated order).
 */
function chiangMaiPcioOrder(doc: Doc): Doc {
  const thai = /[๐-๙]/u.test(docText(doc));
  const no = `${num(3046, thai)}/${num(2567, thai)}`;
  const date = formatDate({ day: 7, month: 6, yearBE: 2567 }, "full-pos", thai);
  const blocks = doc.blocks.map((b): Block => {
    if (b.t === "para") {
      const text = b.inl.map((x) => x.text).join("");
      if (/^ที่ [0-9๐-๙]+\/[0-9๐-๙]+$/u.test(text)) return { ...b, inl: [{ text: `ที่ ${no}` }] };
      if (text.startsWith("สั่ง ณ วันที่ ")) return { ...b, inl: [{ text: `สั่ง ณ วันที่ ${date}` }] };
      return b;
    }
    if (b.t === "table") {
      const rows = b.rows.map((r) => {
        const who = r[1]?.map((x) => x.text).join("") ?? "";
        if (who === "ผู้ว่าราชการจังหวัดเชียงใหม่") return [r[0]!, [{ text: "รองผู้ว่าราชการจังหวัดเชียงใหม่ (หัวหน้ากลุ่มภารกิจด้านกิจการพิเศษ)" }], ...r.slice(2)];
        if (who.startsWith("รองผู้ว่าราชการจังหวัดเชียงใหม่ (ที่ได้รับมอบหมาย)")) return [r[0]!, [{ text: "รองผู้ว่าราชการจังหวัดเชียงใหม่ (หัวหน้ากลุ่มภารกิจด้านเศรษฐกิจ)" }], ...r.slice(2)];
        return r;
      });
      return { ...b, rows };
    }
    return b;
  });
  return { ...doc, blocks, title: doc.title.replace(/ที่ [0-9๐-๙]+\/[0-9๐-๙]+/u, `ที่ ${no}`) };
}

/** The first unmarked occurrence of `phrase` in a paragraph or table cell becomes a key phrase of its own. */
export function keyPhrase(doc: Doc, phrase: string): Doc {
  let done = false;
  const split = (xs: Inline[]): Inline[] => {
    if (done) return xs;
    const out: Inline[] = [];
    for (const x of xs) {
      const at = done ? -1 : x.text.indexOf(phrase);
      if (at < 0) {
        out.push(x);
        continue;
      }
      done = true;
      if (x.key) {
        out.push(x);
        continue;
      }
      const { key: _k, ...style } = x;
      if (at > 0) out.push({ ...style, text: x.text.slice(0, at) });
      out.push({ ...style, text: phrase, key: true });
      if (at + phrase.length < x.text.length) out.push({ ...style, text: x.text.slice(at + phrase.length) });
    }
    return out;
  };
  const blocks = doc.blocks.map((b): Block => {
    if (b.t === "para") return { ...b, inl: split(b.inl) };
    if (b.t === "table") return { ...b, rows: b.rows.map((r) => r.map(split)) };
    return b;
  });
  if (!done) throw new Error(`${doc.id}: "${phrase}" not found`);
  return { ...doc, blocks };
}

const has = (...needles: string[]) => (doc: Doc) => {
  const t = docText(doc);
  return needles.every((n) => t.includes(n));
};

// ---------------------------------------------------------------------------------------------------------------
// Topic documents

export type TopicKind = "order" | "notice" | "memo" | "report";

export interface Topic {
  /** docType in the truth file. */
  type: string;
  kind: TopicKind;
  /** "{issuer}" is replaced by the issuing office, "{p}" by the province. */
  title: string;
  intro: string[];
  itemsHead?: string;
  items?: string[];
  table?: { head: string[]; widths: number[]; rows: string[][] };
  outro?: string[];
  /** Phrases (substrings of keys) the officer marks first. */
  prefer: string[];
}

export interface Issuer {
  /** "จังหวัดเชียงใหม่" or the agency's name. */
  name: string;
  /** Head's title: "ผู้ว่าราชการจังหวัดเชียงใหม่", "พาณิชย์จังหวัดเชียงใหม่", … */
  head: string;
  /** A unit of the office for memos: "กลุ่มงานบริหารทั่วไป". */
  unit: string;
  /** Whom a memo is addressed to (default: the head). */
  to?: string;
}

function fillTopic(s: string, ctx: Ctx, issuer: Issuer): string {
  return s
    .replaceAll("{issuer}", issuer.name)
    .replaceAll("{p}", ctx.province.name)
    .replace(/\{n:([0-9.,]+)\}/gu, (_, n: string) => num(n, ctx.thaiDigits))
    .replace(/\{r:(\d+)-(\d+)\}/gu, (_, a: string, b: string) => num(ctx.rng.int(Number(a), Number(b)).toLocaleString("en-US"), ctx.thaiDigits));
}

export function topicDoc(ctx: Ctx, id: string, topic: Topic, issuer: Issuer): Doc {
  const { rng } = ctx;
  const d = ctx.thaiDigits;
  const f = (s: string) => fillTopic(s, ctx, issuer);
  const title = f(topic.title);
  const date = formatDate(recentDate(rng), rng.pick(["full", "full-pos"] as const), d);
  const no = `${num(rng.int(12, 980), d)}/${num(2567, d)}`;
  const blocks: Block[] = [];
  const signer = (): string[] => {
    if (topic.kind === "memo") {
      const pers = ctx.rng.pick(["นายวิทยา แก้วประเสริฐ", "นางสาวรัชนี ทองดี", "นายกฤษดา บุญยืน", "นางอัมพร ใจมา"]);
      return [`(${pers})`, `หัวหน้า${issuer.unit}`];
    }
    if (issuer.name.startsWith("จังหวัด")) {
      const g = governor(ctx);
      return [g.name, g.title, ...(g.title.startsWith("รอง") ? [`ผู้ว่าราชการจังหวัด${ctx.province.name}`] : [])];
    }
    const pers = ctx.rng.pick(["นายสมศักดิ์ วงศ์ไชย", "นางสาววราภรณ์ ปัญญาดี", "นายอภิชาติ คำมูล", "นางพิมพ์ใจ ศรีบุญเรือง", "นายธวัชชัย อินต๊ะ"]);
    return [`(${pers})`, issuer.head];
  };
  switch (topic.kind) {
    case "order":
    case "notice": {
      const word = topic.kind === "order" ? "คำสั่ง" : "ประกาศ";
      blocks.push({ t: "emblem" }, centre(`**${word}${issuer.name}**`, { size: 18 }));
      if (topic.kind === "order") blocks.push(centre(`ที่ ${no}`));
      blocks.push(centre(`เรื่อง  ${title}`), centre("-----------------------------------------"));
      break;
    }
    case "memo": {
      blocks.push(
        P("**บันทึกข้อความ**", { size: 22, align: "center" }),
        P(`**ส่วนราชการ**  ${issuer.unit} ${issuer.name} โทร. ${num(`0 5311 ${rng.int(1000, 9999)}`, d)}`, { before: 3 }),
        P(`**ที่**  ชม ${num(rng.int(10, 99), d)}${num(rng.int(100, 999), d)}/${num(rng.int(100, 2999), d)}          **วันที่**  ${date}`),
        P(`**เรื่อง**  ${title}`),
        P(`เรียน  ${issuer.to ?? issuer.head}`, { before: 3 }),
      );
      break;
    }
    case "report": {
      blocks.push(
        { t: "logo", align: rng.pick(["center", "left"] as const), variant: rng.int(0, 3) },
        centre(`**${title}**`, { size: 18 }),
        centre(issuer.name),
      );
      break;
    }
  }
  topic.intro.forEach((t, i) => {
    const text = f(t);
    if (topic.kind === "report" && /^\d+\. /u.test(text)) {
      const [n, ...rest] = text.split(" ");
      blocks.push(P(`**${num(n!, d)} ${rest.join(" ")}**`, { before: 3, keepNext: true }));
    } else blocks.push(body(text, i === 0 ? { before: 3 } : {}));
  });
  if (topic.items && topic.items.length > 0) {
    if (topic.itemsHead) blocks.push(body(f(topic.itemsHead), { keepNext: true }));
    topic.items.forEach((t, i) => blocks.push(item(ctx, `${num(i + 1, d)}.`, f(t))));
  }
  if (topic.table) {
    const table: TableBlock = {
      t: "table",
      head: topic.table.head.map(f),
      widths: topic.table.widths,
      rows: topic.table.rows.map((r) => r.map((c) => inl(f(c)))),
      shade: shade(ctx),
      band: rng.chance(0.3) ? [245, 245, 245] : null,
      size: 14,
      before: 2,
    };
    blocks.push(table);
  }
  for (const t of topic.outro ?? []) blocks.push(body(f(t)));
  if (topic.kind === "order") {
    blocks.push(body("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"));
    blocks.push(P(`สั่ง ณ วันที่ ${date}`, { left: 60, before: 4, keepNext: true }));
  } else if (topic.kind === "notice") {
    blocks.push(body("จึงประกาศมาเพื่อทราบและถือปฏิบัติโดยทั่วกัน"));
    blocks.push(P(`ประกาศ ณ วันที่ ${date}`, { left: 60, before: 4, keepNext: true }));
  } else if (topic.kind === "memo") {
    blocks.push(body(rng.pick(["จึงเรียนมาเพื่อโปรดทราบ", "จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบโปรดลงนาม", "จึงเรียนมาเพื่อโปรดทราบและพิจารณา"])));
  } else {
    blocks.push(P(`จัดทำ ณ วันที่ ${date}`, { left: BODY_INDENT, before: 3 }));
  }
  blocks.push(signBlock(ctx, signer(), topic.kind !== "memo" && rng.chance(0.6), topic.kind === "report" ? "(ลงชื่อ)" : ""));
  return docBase(ctx, id, topic.type, `${topic.kind === "order" ? "คำสั่ง" : topic.kind === "notice" ? "ประกาศ" : ""}${topic.kind === "order" || topic.kind === "notice" ? issuer.name + " " : ""}${title}`.trim(), blocks);
}

/** The topics (see the plan for who attaches which). */
export const TOPICS: Record<string, Topic> = {
  "cyber-plan": {
    type: "cyber-security-plan",
    kind: "report",
    title: "แผนปฏิบัติการด้านการรักษาความมั่นคงปลอดภัยไซเบอร์ จังหวัด{p} ประจำปีงบประมาณ พ.ศ. {n:2567}",
    intro: [
      "1. หลักการและเหตุผล",
      "[[พระราชบัญญัติการรักษาความมั่นคงปลอดภัยไซเบอร์ พ.ศ. {n:2562}]] มาตรา {n:44} กำหนดให้หน่วยงานของรัฐจัดทำประมวลแนวทางปฏิบัติและกรอบมาตรฐานด้านการรักษาความมั่นคงปลอดภัยไซเบอร์ของหน่วยงาน จังหวัด{p}จึงจัดทำแผนปฏิบัติการฉบับนี้ให้สอดคล้องกับพระราชบัญญัติดังกล่าวและกฎหมายลำดับรอง",
      "2. การดำเนินการตามแผน",
    ],
    items: [
      "[[การกำกับดูแลการรักษาความมั่นคงปลอดภัยไซเบอร์ (Good Governance in Cybersecurity)]] โดยมอบหมายให้ผู้บริหารเทคโนโลยีสารสนเทศระดับสูงของจังหวัดเป็นผู้รับผิดชอบ",
      "[[การบริหารความเสี่ยง (Risk Management)]] ด้านไซเบอร์ของระบบสารสนเทศที่สำคัญของจังหวัดอย่างน้อยปีละ {n:1} ครั้ง",
      "จัดทำ[[นโยบายบริหารจัดการที่เกี่ยวกับการรักษาความมั่นคงปลอดภัยไซเบอร์]]ของจังหวัด และแนวปฏิบัติสำหรับผู้ใช้งาน",
      "จัดทำ[[แผนการรับมือภัยคุกคามทางไซเบอร์]] (Incident Response Plan) และซักซ้อมแผนร่วมกับหน่วยงานในจังหวัด",
    ],
    table: {
      head: ["กิจกรรม", "ระยะเวลา", "ผู้รับผิดชอบ"],
      widths: [0.55, 0.2, 0.25],
      rows: [
        ["ประเมินความเสี่ยงระบบสารสนเทศของจังหวัด", "ไตรมาส {n:1}", "กลุ่มงานข้อมูลฯ"],
        ["ทบทวนนโยบายและแนวปฏิบัติ", "ไตรมาส {n:2}", "สำนักงานจังหวัด"],
        ["ซักซ้อมแผนรับมือภัยคุกคามทางไซเบอร์", "ไตรมาส {n:3}", "ทุกหน่วยงาน"],
      ],
    },
    prefer: ["พระราชบัญญัติการรักษาความมั่นคงปลอดภัยไซเบอร์", "การกำกับดูแล", "การบริหารความเสี่ยง", "นโยบายบริหารจัดการ", "แผนการรับมือภัยคุกคามทางไซเบอร์"],
  },
  "dg-plan": {
    type: "data-governance-plan",
    kind: "report",
    title: "แผนปฏิบัติการด้านธรรมาภิบาลข้อมูลภาครัฐ (Data Governance) จังหวัด{p} พ.ศ. {n:2567}",
    intro: [
      "1. วัตถุประสงค์",
      "เพื่อให้จังหวัด{p}มี[[แผนการดำเนินงานด้านธรรมาภิบาลข้อมูลภาครัฐของจังหวัด]] ที่สอดคล้องกับกรอบธรรมาภิบาลข้อมูลภาครัฐ ตามประกาศคณะกรรมการพัฒนารัฐบาลดิจิทัล และครอบคลุมหน่วยงานในจังหวัด นอกเหนือจากที่กรมต้นสังกัดดำเนินการ",
      "2. แผนงาน",
    ],
    items: [
      "[[จัดทำบัญชีข้อมูล (Data Catalog) ของจังหวัด]] และลงทะเบียนในระบบบัญชีข้อมูลภาครัฐ (GD Catalog)",
      "กำหนด[[บทบาทหน้าที่ของบริกรข้อมูล (Data Steward)]] ในแต่ละหน่วยงาน",
      "ประเมินคุณภาพข้อมูลและรายงานผลต่อคณะกรรมการธรรมาภิบาลข้อมูลจังหวัดทุกไตรมาส",
    ],
    table: {
      head: ["กิจกรรม", "ตัวชี้วัด", "งบประมาณ (บาท)"],
      widths: [0.5, 0.3, 0.2],
      rows: [
        ["อบรมบริกรข้อมูลของหน่วยงาน", "{n:60} คน", "{n:45,000}"],
        ["จัดทำคำอธิบายชุดข้อมูล (Metadata)", "{n:40} ชุดข้อมูล", "-"],
      ],
    },
    prefer: ["แผนการดำเนินงานด้านธรรมาภิบาลข้อมูลภาครัฐของจังหวัด", "จัดทำบัญชีข้อมูล"],
  },
  "dg-guideline": {
    type: "data-governance-guideline",
    kind: "notice",
    title: "แนวปฏิบัติด้านธรรมาภิบาลข้อมูลภาครัฐของ{issuer}",
    intro: [
      "เพื่อให้การบริหารจัดการข้อมูลของ{issuer}เป็นไปตามหลักธรรมาภิบาลข้อมูลภาครัฐ จึงกำหนด[[แนวปฏิบัติด้านธรรมาภิบาลข้อมูล]] ดังนี้",
    ],
    items: [
      "[[การจัดทำบัญชีข้อมูลของหน่วยงาน]] ให้บริกรข้อมูลจัดทำและปรับปรุงบัญชีข้อมูลให้เป็นปัจจุบันอย่างน้อยปีละหนึ่งครั้ง",
      "[[การเปิดเผยข้อมูลและการขอใช้ข้อมูล]] ให้เปิดเผยชุดข้อมูลที่ไม่มีข้อจำกัดผ่านศูนย์กลางข้อมูลเปิดภาครัฐ และพิจารณาคำขอใช้ข้อมูลภายใน {n:15} วันทำการ",
      "การกำหนดชั้นความลับและสิทธิการเข้าถึงข้อมูลให้เป็นไปตามระเบียบว่าด้วยการรักษาความลับของทางราชการ",
    ],
    prefer: ["การจัดทำบัญชีข้อมูลของหน่วยงาน", "การเปิดเผยข้อมูลและการขอใช้ข้อมูล"],
  },
  "training-report": {
    type: "training-report",
    kind: "report",
    title: "รายงานผลการฝึกอบรมหลักสูตร การพัฒนาทักษะดิจิทัล (Digital Literacy) สำหรับบุคลากร ประจำปีงบประมาณ พ.ศ. {n:2567}",
    intro: [
      "1. ความเป็นมา",
      "{issuer}ได้จัด[[ฝึกอบรมหลักสูตรการพัฒนาทักษะดิจิทัล (Digital Literacy)]] ให้แก่บุคลากรของหน่วยงาน นอกเหนือจากหลักสูตรของกรมต้นสังกัด จำนวน {r:1-3} รุ่น ผู้เข้ารับการอบรมรวม {r:24-96} คน",
      "2. การวัดผล",
      "มี[[การวัดผลหลังการฝึกอบรมด้วยแบบทดสอบก่อนและหลังเรียน (Pre-test / Post-test)]] ผลคะแนนเฉลี่ยเพิ่มขึ้นจากร้อยละ {r:45-62} เป็นร้อยละ {r:78-92}",
    ],
    table: {
      head: ["หัวข้อ", "ชั่วโมง", "ผู้ผ่านเกณฑ์"],
      widths: [0.6, 0.15, 0.25],
      rows: [
        ["การใช้งานระบบสารบรรณอิเล็กทรอนิกส์และลายมือชื่ออิเล็กทรอนิกส์", "{n:6}", "{n:46} คน"],
        ["การใช้ Google Workspace / Microsoft 365 ในการทำงานร่วมกัน", "{n:6}", "{n:45} คน"],
        ["ความปลอดภัยในการใช้งานอินเทอร์เน็ตและข้อมูลส่วนบุคคล", "{n:3}", "{n:48} คน"],
      ],
    },
    prefer: ["ฝึกอบรมหลักสูตรการพัฒนาทักษะดิจิทัล", "การวัดผลหลังการฝึกอบรม"],
  },
  "m365-memo": {
    type: "collaboration-platform-memo",
    kind: "memo",
    title: "รายงานผลการใช้งานระบบ Microsoft 365 ในการปฏิบัติงานของจังหวัด",
    intro: [
      "ตามที่จังหวัด{p}ได้จัดหา[[Microsoft 365 เพื่อใช้ในการสื่อสารและการทำงานร่วมกัน]] นอกเหนือจากระบบที่กรมต้นสังกัดจัดหาให้ บัดนี้ได้ดำเนินการเรียบร้อยแล้ว",
      "ปัจจุบันบุคลากรใช้ [[Microsoft Teams ในการประชุมออนไลน์และส่งข้อความ]] และใช้ Outlook รับส่งจดหมายอิเล็กทรอนิกส์ จำนวนบัญชีผู้ใช้งาน {r:150-320} บัญชี ใช้ OneDrive แชร์เอกสารร่วมกันระหว่างกลุ่มงาน",
    ],
    prefer: ["Microsoft 365", "Microsoft Teams"],
  },
  "wfa-notice": {
    type: "work-from-anywhere-notice",
    kind: "notice",
    title: "แนวทางการปฏิบัติงานนอกสำนักงาน (Work from Anywhere) ของ{issuer}",
    intro: [
      "เพื่อให้การปฏิบัติราชการเป็นไปอย่างต่อเนื่อง{issuer}จึงกำหนด[[แนวทางการปฏิบัติงานนอกสำนักงาน (Work from Anywhere)]] ดังนี้",
    ],
    items: [
      "ให้เจ้าหน้าที่[[เชื่อมต่อเครือข่ายภายในของหน่วยงานผ่านระบบ VPN]] ที่หน่วยงานจัดให้เท่านั้น",
      "ให้รายงานตัวเริ่มและเลิกปฏิบัติงานผ่านระบบลงเวลาออนไลน์ (Check-in/Check-out)",
      "หน่วยงานจัดเตรียมเครื่องคอมพิวเตอร์โน้ตบุ๊กสำหรับยืมใช้ปฏิบัติงานนอกสำนักงาน จำนวน {r:6-20} เครื่อง",
    ],
    prefer: ["Work from Anywhere", "VPN"],
  },
  "cyber-ops-report": {
    type: "cyber-security-operations-report",
    kind: "report",
    title: "รายงานผลการดำเนินงานด้านการรักษาความมั่นคงปลอดภัยไซเบอร์ ประจำปีงบประมาณ พ.ศ. {n:2567}",
    intro: [
      "1. การฝึกอบรม",
      "{issuer}ได้[[จัดอบรมด้าน Cybersecurity ให้แก่บุคลากรปีละ {r:1-3} ครั้ง]] หัวข้อ การป้องกันภัยจากอีเมลหลอกลวง (Phishing) และการตั้งรหัสผ่านที่ปลอดภัย",
      "2. การตรวจวัดความตระหนัก",
      "มี[[การตรวจวัดความตระหนักถึงความปลอดภัยไซเบอร์ของพนักงาน]]ด้วยการทดสอบส่งอีเมลจำลอง ผลพบว่าผู้คลิกลิงก์ลดลงจากร้อยละ {r:22-38} เหลือร้อยละ {r:4-12}",
    ],
    prefer: ["จัดอบรมด้าน Cybersecurity", "การตรวจวัดความตระหนัก"],
  },
  "key-datasets": {
    type: "key-datasets",
    kind: "notice",
    title: "บัญชีชุดข้อมูลสำคัญเพื่อการบริหารและการตัดสินใจ (Internal Use) ของ{issuer}",
    intro: [
      "{issuer}ได้[[กำหนดชุดข้อมูลสำคัญที่หน่วยงานต้องจัดทำเพื่อใช้ประกอบการตัดสินใจ]] (Data Driven Organization) โดยเป็นข้อมูลที่ใช้เฉพาะภายในองค์กร ดังนี้",
    ],
    table: {
      head: ["ชุดข้อมูล", "ความถี่", "ผู้ใช้ข้อมูล"],
      widths: [0.55, 0.2, 0.25],
      rows: [
        ["[[ข้อมูลนักท่องเที่ยวและรายได้จากการท่องเที่ยวรายเดือน]]", "รายเดือน", "ผู้บริหาร"],
        ["ข้อมูลการจัดกิจกรรมกีฬาและผู้เข้าร่วม", "รายไตรมาส", "กลุ่มงานกีฬา"],
        ["ข้อมูลผู้ประกอบการธุรกิจนำเที่ยวและมัคคุเทศก์", "รายปี", "กลุ่มงานท่องเที่ยว"],
      ],
    },
    prefer: ["กำหนดชุดข้อมูลสำคัญ"],
  },
  "dashboard-report": {
    type: "dashboard-report",
    kind: "report",
    title: "รายงานการพัฒนาแดชบอร์ด (Dashboard) ข้อมูลเพื่อการบริหาร ด้วย Power BI",
    intro: [
      "1. การดำเนินงาน",
      "{issuer}ได้[[นำโปรแกรม Power BI มาวิเคราะห์ข้อมูลปริมาณมากและแสดงผลเป็นแดชบอร์ด]] (Data Visualization) นอกเหนือจากระบบของกรมต้นสังกัด",
      "แดชบอร์ดแสดง[[ข้อมูลคุณภาพอากาศ ค่าฝุ่น PM2.5 และจุดความร้อนรายวัน]] รวมกว่า {n:1,200,000} ระเบียน เพื่อเสนอผู้บริหารประกอบการตัดสินใจ",
    ],
    table: {
      head: ["แดชบอร์ด", "แหล่งข้อมูล", "ปรับปรุง"],
      widths: [0.45, 0.35, 0.2],
      rows: [
        ["สถานการณ์ฝุ่นควันรายอำเภอ", "เซ็นเซอร์ตรวจวัด {n:85} จุด", "รายชั่วโมง"],
        ["จุดความร้อน (Hotspot)", "ดาวเทียม GISTDA", "รายวัน"],
      ],
    },
    prefer: ["Power BI", "คุณภาพอากาศ"],
  },
  "open-data-report": {
    type: "open-data-report",
    kind: "report",
    title: "รายงานผลการเปิดเผยข้อมูลเปิดภาครัฐ (Open Government Data) จังหวัด{p}",
    intro: [
      "1. ผลการดำเนินงาน",
      "{issuer}ร่วมกับหน่วยงานในจังหวัด[[เปิดเผยชุดข้อมูลเปิดภาครัฐของจังหวัดจำนวน {n:42} ชุดข้อมูล]] ผ่าน[[ระบบบัญชีข้อมูลจังหวัด (Provincial Data Catalog)]] และ data.go.th นอกเหนือจากที่กรมต้นสังกัดดำเนินการ",
      "ทุกชุดข้อมูลมี[[คำอธิบายชุดข้อมูล (Metadata) และพจนานุกรมข้อมูล (Data Dictionary)]] ตามมาตรฐานของสำนักงานพัฒนารัฐบาลดิจิทัล",
    ],
    table: {
      head: ["ชุดข้อมูล", "รูปแบบ", "URL"],
      widths: [0.45, 0.15, 0.4],
      rows: [
        ["จำนวนประชากรรายตำบล", "CSV", "catalog.chiangmai.go.th/dataset/pop"],
        ["จุดให้บริการ Free Wi-Fi", "CSV", "catalog.chiangmai.go.th/dataset/wifi"],
        ["สถิติอุบัติเหตุทางถนน", "XLSX", "catalog.chiangmai.go.th/dataset/road"],
      ],
    },
    prefer: ["เปิดเผยชุดข้อมูลเปิดภาครัฐ", "Metadata", "Data Catalog"],
  },
  "sharable-data": {
    type: "sharable-data-report",
    kind: "memo",
    title: "รายงานชุดข้อมูลที่เปิดให้หน่วยงานอื่นเชื่อมโยงแลกเปลี่ยน (Sharable Data)",
    intro: [
      "ตามที่{issuer}ได้จัดชั้นข้อมูลตามหลักธรรมาภิบาลข้อมูลภาครัฐแล้ว มี[[ชุดข้อมูลที่อยู่ในระดับชั้นเปิดเผยสำหรับให้หน่วยงานอื่นเชื่อมโยงแลกเปลี่ยน]] จำนวน {n:18} ชุดข้อมูล",
      "โดยให้บริการ[[เชื่อมโยงผ่าน API ให้สำนักงานจังหวัดและองค์กรปกครองส่วนท้องถิ่น]] เช่น ข้อมูลประชากร ข้อมูลแรงงาน และข้อมูลสถิติการเกษตร",
    ],
    prefer: ["ชุดข้อมูลที่อยู่ในระดับชั้นเปิดเผย", "API"],
  },
  "elderly-digital": {
    type: "vulnerable-group-project",
    kind: "report",
    title: "สรุปผลโครงการส่งเสริมความรอบรู้ด้านดิจิทัลสำหรับผู้สูงอายุ (Digital Literacy for Elderly) ปี {n:2567}",
    intro: [
      "1. ผลการดำเนินงาน",
      "{issuer}จัด[[อบรมเสริมสร้างความรู้ความเข้าใจด้านดิจิทัล (Digital Literacy) สำหรับผู้สูงอายุ]] ในศูนย์พัฒนาคุณภาพชีวิตผู้สูงอายุ {n:6} แห่ง ผู้เข้าร่วม {r:180-420} คน",
      "หัวข้อการอบรม ได้แก่ การใช้แอปพลิเคชันทางรัฐ การรู้เท่าทันมิจฉาชีพออนไลน์ และ[[การใช้บริการภาครัฐผ่านโทรศัพท์มือถือ]]",
    ],
    prefer: ["Digital Literacy", "ผู้สูงอายุ"],
  },
  "social-vulnerable": {
    type: "vulnerable-group-social-media",
    kind: "report",
    title: "รายงานการเผยแพร่ข้อมูลบริการภาครัฐสำหรับกลุ่มเปราะบางผ่านสื่อสังคมออนไลน์",
    intro: [
      "1. การดำเนินงาน",
      "{issuer}[[ใช้ช่องทาง Facebook และ LINE Official Account เผยแพร่ข้อมูลการรับบริการภาครัฐสำหรับกลุ่มเปราะบาง]] เช่น ผู้สูงอายุ ผู้พิการ และผู้มีรายได้น้อย สัปดาห์ละ {n:3} ครั้ง",
      "มีการจัดทำ[[คลิปวิดีโอภาษามือและคำบรรยายใต้ภาพ]]สำหรับผู้พิการทางการได้ยิน ยอดผู้ชมรวม {r:12000-64000} ครั้ง",
    ],
    prefer: ["Facebook", "กลุ่มเปราะบาง"],
  },
  "esaraban-result": {
    type: "process-improvement-report",
    kind: "report",
    title: "รายงานผลการนำระบบสารบรรณอิเล็กทรอนิกส์ (e-Document) มาใช้ลดขั้นตอนการทำงาน",
    intro: [
      "1. การนำเทคโนโลยีมาใช้",
      "{issuer}ได้[[นำระบบสารบรรณอิเล็กทรอนิกส์ (e-Document) มาใช้ในการรับส่งหนังสือราชการ]] กับองค์กรปกครองส่วนท้องถิ่นในจังหวัดครบทุกแห่ง",
      "2. ผลลัพธ์",
      "[[ลดระยะเวลาการรับส่งหนังสือราชการจากเฉลี่ย {n:3} วันเหลือ {n:1} วัน]] และลดค่าใช้จ่ายกระดาษและไปรษณีย์ได้ประมาณ {r:120000-260000} บาทต่อปี",
    ],
    prefer: ["e-Document", "ลดระยะเวลา"],
  },
  "iot-report": {
    type: "iot-report",
    kind: "report",
    title: "รายงานผลการใช้เซ็นเซอร์ Internet of Things (IoT) ตรวจวัดความชื้นในแปลงเกษตร",
    intro: [
      "1. การดำเนินงาน",
      "{issuer}ได้[[ติดตั้งเซ็นเซอร์ IoT ตรวจวัดความชื้นในดินและสภาพอากาศ]] ในแปลงเรียนรู้ {n:12} แปลง เชื่อมต่อข้อมูลผ่านเครือข่าย LoRaWAN",
      "ข้อมูลแสดงผลบนแอปพลิเคชันให้เกษตรกร[[ควบคุมการให้น้ำอัตโนมัติ]] ลดการใช้น้ำได้ร้อยละ {n:25}",
    ],
    prefer: ["IoT"],
  },
  "cloud-report": {
    type: "cloud-report",
    kind: "memo",
    title: "รายงานการย้ายระบบสารสนเทศของหน่วยงานขึ้นระบบคลาวด์กลางภาครัฐ (GDCC)",
    intro: [
      "ตามที่{issuer}ได้ขอใช้บริการ[[ระบบคลาวด์กลางภาครัฐ (Government Data Center and Cloud service: GDCC)]] บัดนี้ได้[[ย้ายเว็บไซต์และฐานข้อมูลโครงการก่อสร้างขึ้นระบบคลาวด์ GDCC]]เรียบร้อยแล้ว",
      "ระบบมีความพร้อมใช้งานร้อยละ {n:99.9} และ[[สำรองข้อมูลอัตโนมัติทุกวัน]]",
    ],
    prefer: ["ย้ายเว็บไซต์", "GDCC", "สำรองข้อมูล"],
  },
  /** Unrelated to any question: for the "evidence about something else" and "linked to no question" mistakes. */
  "flower-festival-order": {
    type: "unrelated-order",
    kind: "order",
    title: "แต่งตั้งคณะกรรมการจัดงานมหกรรมไม้ดอกไม้ประดับจังหวัด{p} ครั้งที่ {n:47}",
    intro: [
      "ด้วยจังหวัด{p}กำหนด[[จัดงานมหกรรมไม้ดอกไม้ประดับ ครั้งที่ {n:47}]] ระหว่างวันที่ {n:2} – {n:4} กุมภาพันธ์ {n:2567} ณ สวนสาธารณะหนองบวกหาด เพื่อให้การจัดงานเป็นไปด้วยความเรียบร้อย จึงแต่งตั้งคณะกรรมการ ประกอบด้วย",
    ],
    items: [
      "คณะกรรมการอำนวยการ มี[[ผู้ว่าราชการจังหวัด{p}เป็นประธานกรรมการ]]",
      "คณะกรรมการฝ่ายจัดขบวนรถบุปผชาติ มีนายกเทศมนตรีนคร{p}เป็นประธาน",
      "คณะกรรมการฝ่ายประชาสัมพันธ์ มีประชาสัมพันธ์จังหวัด{p}เป็นประธาน",
    ],
    prefer: ["ไม้ดอกไม้ประดับ"],
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The builders the plan names

export interface BuiltDoc {
  doc: Doc;
  /** Phrases to mark first. */
  prefer: string[];
  /** Dates that matter (G2: the meeting date) as ISO strings. */
  date?: string;
  committee?: string;
}

export interface BuildOpts {
  issuer: Issuer;
  /** Words the document must not contain (an off-topic document must not mention what the question asks). */
  exclude?: string[];
  /** G2 minutes: committee, meeting number, date, old-year rewrite. */
  meeting?: { committee: string; meetNo: string; date: ThaiDate; shiftYears?: Record<string, string> };
}

/** One evidence document of the given kind, deterministic in `rng`. */
export function buildEvidenceDoc(kind: string, rng: Rng, id: string, o: BuildOpts, font?: FontFamily): BuiltDoc {
  const ctxOf = (r: Rng) => chiangMaiCtx(r, font);
  const clean = (d: Doc) => !(o.exclude ?? []).some((x) => docText(d).includes(x));
  const buildUntil = (r: Rng, build: (r: Rng) => Doc, ok: (doc: Doc) => boolean, label: string) => buildUntilOk(r, build, (d) => ok(d) && clean(d), label);
  switch (kind) {
    case "pcio-order":
      return {
        doc: chiangMaiPcioOrder(keyTitle(buildUntil(rng, (r) => pcioOrder(ctxOf(r), id), has("แต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด"), kind))),
        prefer: ["แต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด", "กรรมการและเลขานุการ"],
      };
    case "dg-order":
      return {
        doc: keyTitle(buildUntil(rng, (r) => dataGovOrder(ctxOf(r), id), has("ธรรมาภิบาลข้อมูล"), kind)),
        prefer: ["แต่งตั้งคณะกรรมการธรรมาภิบาลข้อมูล", "ประธานกรรมการ", "นโยบายและแนวปฏิบัติด้านธรรมาภิบาลข้อมูล"],
      };
    case "pdpa-notice":
      // P1.7/P2.3 rows answered "done": the notice must name มาตรา 23 (notice), 41 (DPO) and 30 (rights).
      return {
        doc: buildUntil(rng, (r) => pdpaNotice(ctxOf(r), id), (d) => /มาตรา [๒2][๓3]/u.test(docText(d)) && /มาตรา [๔4][๑1]/u.test(docText(d)) && /มาตรา [๓3][๐0]/u.test(docText(d)), kind),
        prefer: ["แจ้งเจ้าของข้อมูลส่วนบุคคลก่อนหรือในขณะเก็บรวบรวม", "แต่งตั้งเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO)", "คัดค้านการประมวลผลข้อมูลส่วนบุคคล"],
      };
    case "digital-plan": {
      // P1.1's items 8 (open data), 9 (cyber security) and 11 (digital skills) are claimed: the plan names them
      const items = ["ข้อมูลเปิดภาครัฐ", "ความมั่นคงปลอดภัยไซเบอร์", "ทักษะดิจิทัล"];
      const doc = buildUntil(rng, (r) => digitalPlan(ctxOf(r), id, "long"), has("แผนพัฒนารัฐบาลดิจิทัลของประเทศไทย", ...items), kind);
      return { doc: items.reduce(keyPhrase, doc), prefer: ["แผนพัฒนารัฐบาลดิจิทัลของประเทศไทย", ...items] };
    }
    case "security-iso":
    case "security-nist": {
      const want = kind === "security-iso" ? "iso27001" : "nist-csf";
      // the title (with its "ความมั่นคงปลอดภัย") is marked too, so a marked-only reading still shows the topic
      const title = kind === "security-iso" ? "นโยบายและแนวปฏิบัติในการรักษาความมั่นคงปลอดภัยด้านสารสนเทศ" : "แนวปฏิบัติการรักษาความมั่นคงปลอดภัยไซเบอร์";
      return {
        doc: keyPhrase(buildUntil(rng, (r) => securityPolicy(ctxOf(r), id), (d) => d.type === want, kind), title),
        prefer: kind === "security-iso" ? ["ISO/IEC 27001", title] : ["NIST Cybersecurity Framework", title],
      };
    }
    case "minutes": {
      const m = o.meeting;
      if (!m) throw new Error("minutes need a meeting");
      const doc = buildUntil(
        rng,
        (r) => meetingMinutes(ctxOf(r), id, { ...m, size: "short" }),
        // no other full date that could be read as the meeting date
        (d) => datesIn(d).every((x) => isoOf(x) === isoOf(m.date)),
        kind,
      );
      return { doc, prefer: ["รายงานการประชุม", formatDate(m.date, "full-pos", true), formatDate(m.date, "full-pos", false)], date: isoOf(m.date), committee: m.committee };
    }
    default: {
      const topic = TOPICS[kind];
      if (!topic) throw new Error(`unknown evidence kind ${kind}`);
      const doc = buildUntil(rng, (r) => topicDoc(ctxOf(r), id, topic, o.issuer), () => true, kind);
      return { doc, prefer: topic.prefer };
    }
  }
}
