// Evidence documents the audit samples need beyond scripts/evidence-samples/content.ts (ประกาศไม่เรียกสำเนา, a
// memo on collaboration platforms, a training report, a technology project report), built on the same document model
// with the same conventions: [[key phrase]] marks what an officer would highlight, the held-out split uses the
// odd-indexed wordings; plus the tweaks the labelled pairs need (a given meeting date or committee).
import { inl, type Ctx } from "../evidence-samples/content.js";
import type { Block, Doc, ParaBlock } from "../evidence-samples/model.js";
import { formatDate, MONTHS_ABBR, MONTHS_FULL, num, personName, randomPerson, type DateStyle } from "../evidence-samples/thai.js";

function alt(ctx: Ctx, variants: readonly string[]): string {
  const own = variants.filter((_, i) => (ctx.split === "heldout" ? i % 2 === 1 : i % 2 === 0));
  return ctx.rng.pick(own.length > 0 ? own : variants);
}

function para(src: string, o: Omit<ParaBlock, "t" | "inl"> = {}): ParaBlock {
  return { t: "para", inl: inl(src), ...o };
}

const body = (src: string) => para(src, { indent: 25, before: 1.5 });
const centre = (src: string, size?: number) => para(src, { align: "center", ...(size ? { size } : {}) });
const numbered = (ctx: Ctx, items: string[]) => items.map((t, i) => para(`${num(i + 1, ctx.thaiDigits)}. ${t}`, { left: 25, before: 0.5 }));

function signature(ctx: Ctx, title: string): Block {
  return { t: "sign", lines: [`(${personName(randomPerson(ctx.rng))})`, title], label: "", seal: null, cx: 0.62, before: 6 };
}

function doc(ctx: Ctx, id: string, type: string, title: string, blocks: Block[]): Doc {
  return { id, type, title, font: ctx.font, size: ctx.font === "Laksaman" ? 16 : 15, leading: 1.5, blocks, pageNumbers: ctx.thaiDigits ? "thai" : "arabic" };
}

function memoHead(ctx: Ctx, subject: string): Block[] {
  const p = ctx.province.name;
  const d = ctx.thaiDigits;
  return [
    { t: "emblem" },
    centre("**บันทึกข้อความ**", 18),
    para(`**ส่วนราชการ**  สำนักงานจังหวัด${p} กลุ่มงานข้อมูลสารสนเทศและการสื่อสาร โทร. ${num(`0 ${ctx.rng.int(5000, 7799)} ${ctx.rng.int(1000, 9999)}`, d)}`),
    para(`**ที่** ${ctx.province.abbr} ${num(`00${ctx.rng.int(10, 18)}.${ctx.rng.int(1, 6)}/${ctx.rng.int(100, 999)}`, d)}     **วันที่** ${formatDate({ day: ctx.rng.int(1, 28), month: ctx.rng.int(1, 12), yearBE: 2567 }, "full", d)}`),
    para(`**เรื่อง**  ${subject}`),
    para(`เรียน  หัวหน้าส่วนราชการทุกส่วนราชการ`, { before: 2 }),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// ประกาศจังหวัด เรื่อง ยกเลิกการเรียกสำเนาเอกสาร (P4.3)

export function noCopyNotice(ctx: Ctx, id: string): Doc {
  const p = ctx.province.name;
  const d = ctx.thaiDigits;
  const title = alt(ctx, [
    "การยกเลิกการเรียกสำเนาเอกสารที่ทางราชการออกให้จากผู้ขอรับบริการ",
    "แนวทางการให้บริการประชาชนโดยไม่เรียกเก็บสำเนาเอกสาร",
  ]);
  const items = [
    alt(ctx, [
      "[[ให้ส่วนราชการในจังหวัดยกเลิกการเรียกสำเนาบัตรประจำตัวประชาชนและสำเนาทะเบียนบ้าน]]จากผู้ขอรับบริการ",
      "[[ส่วนราชการทุกแห่งในจังหวัดงดการเรียกสำเนาเอกสารที่ทางราชการออกให้]] เช่น สำเนาบัตรประชาชน สำเนาทะเบียนบ้าน",
    ]),
    alt(ctx, [
      "[[ให้เจ้าหน้าที่ตรวจสอบข้อมูลผ่านระบบเชื่อมโยงข้อมูล (Linkage Center)]] แทนการขอเอกสารจากผู้รับบริการ",
      "[[ให้ใช้การเชื่อมโยงข้อมูลทะเบียนราษฎรผ่านเครื่องอ่านบัตรสมาร์ทการ์ด]]แทนการขอสำเนา",
    ]),
    `กรณีที่จำเป็นต้องมีสำเนาเอกสาร [[ให้หน่วยงานจัดทำสำเนาและรับรองความถูกต้องเอง]] โดยไม่เรียกเก็บค่าธรรมเนียม`,
    alt(ctx, ["[[แจ้งเวียนให้หน่วยงานในจังหวัดทราบและถือปฏิบัติ]]", "[[ประชาสัมพันธ์ให้ประชาชนทราบผ่านเว็บไซต์และสื่อสังคมออนไลน์ของจังหวัด]]"]),
  ];
  const blocks: Block[] = [
    { t: "emblem" },
    centre(`**ประกาศจังหวัด${p}**`, 18),
    centre(`เรื่อง  ${title}`),
    centre("-----------------------------------------"),
    body(
      `ตามพระราชบัญญัติการปฏิบัติราชการทางอิเล็กทรอนิกส์ พ.ศ. ${num(2565, d)} มาตรา ${num(12, d)} กำหนดให้หน่วยงานของรัฐ[[มีหน้าที่จัดทำสำเนาเอกสารหลักฐานเอง]]เมื่อผู้ขออนุญาตนำเอกสารต้นฉบับมาแสดง เพื่อลดภาระของประชาชน จังหวัด${p}จึงกำหนดแนวทาง ดังนี้`,
    ),
    ...numbered(ctx, items),
    body("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"),
    para(`ประกาศ ณ วันที่ ${formatDate({ day: ctx.rng.int(1, 28), month: ctx.rng.int(1, 12), yearBE: 2566 }, "full-pos", d)}`, { left: 60, before: 4 }),
    signature(ctx, `ผู้ว่าราชการจังหวัด${p}`),
  ];
  return doc(ctx, id, "no-copy-notice", `ประกาศจังหวัด${p} เรื่อง ${title}`, blocks);
}

// ---------------------------------------------------------------------------------------------------------------
// บันทึกข้อความ: การใช้งานแพลตฟอร์มสื่อสารและทำงานร่วมกัน (P5.3)

export type Platform = "microsoft" | "google" | "zoom" | "own";

const PLATFORM_TEXT: Record<Platform, { subject: string; lines: string[] }> = {
  microsoft: {
    subject: "ขอความร่วมมือใช้งาน Microsoft Teams ในการประชุมและการสื่อสารภายใน",
    lines: [
      "จังหวัดได้จัดหา[[บัญชีผู้ใช้ Microsoft 365]] ให้บุคลากรของทุกส่วนราชการ",
      "ขอให้[[ใช้ Microsoft Teams ในการประชุมออนไลน์และการสนทนากลุ่ม]]แทนการประชุมแบบพบหน้า",
      "ให้จัดเก็บและแบ่งปันเอกสารผ่าน [[OneDrive และ SharePoint]] ของหน่วยงาน",
    ],
  },
  google: {
    subject: "การใช้งาน Google Workspace สำหรับการทำงานร่วมกันของส่วนราชการ",
    lines: [
      "จังหวัดได้เปิดใช้งาน[[บัญชี Google Workspace ของจังหวัด]]สำหรับเจ้าหน้าที่ทุกคน",
      "ขอให้[[ใช้ Google Drive ในการแชร์เอกสารและ Google Meet ในการประชุมทางไกล]]",
      "การนัดหมายการประชุมให้บันทึกผ่าน [[Google Calendar]] ของหน่วยงาน",
    ],
  },
  zoom: {
    subject: "การจัดประชุมผ่านระบบ Zoom Meeting",
    lines: [
      "จังหวัดได้จัดหา[[บัญชี Zoom Meeting สำหรับการประชุมทางไกล]] จำนวน 5 บัญชี",
      "ขอให้ส่วนราชการ[[จองห้องประชุม Zoom ผ่านกลุ่มงานข้อมูลสารสนเทศ]]ล่วงหน้าอย่างน้อย 1 วัน",
    ],
  },
  own: {
    subject: "การใช้งานระบบสำนักงานอัตโนมัติ Smart Office ของจังหวัด",
    lines: [
      "จังหวัดได้[[พัฒนาระบบ Smart Office]] สำหรับการรับส่งหนังสือ การจองห้องประชุม และการแจ้งข่าวสารภายใน",
      "ขอให้ทุกส่วนราชการ[[ใช้ระบบ Smart Office ในการสื่อสารและติดตามงาน]]ร่วมกัน",
      "สามารถเข้าใช้งานได้ทั้งจากคอมพิวเตอร์และโทรศัพท์เคลื่อนที่",
    ],
  },
};

export function collabMemo(ctx: Ctx, id: string, platform: Platform): Doc {
  const t = PLATFORM_TEXT[platform];
  const blocks: Block[] = [
    ...memoHead(ctx, t.subject),
    body(
      alt(ctx, [
        "ตามที่จังหวัดมีนโยบาย[[ส่งเสริมการทำงานแบบดิจิทัลและลดการใช้กระดาษ]] เพื่อให้การสื่อสารและการทำงานร่วมกันระหว่างส่วนราชการเป็นไปอย่างรวดเร็ว",
        "เพื่อให้การติดต่อประสานงานระหว่างส่วนราชการในจังหวัด[[เป็นไปอย่างรวดเร็วและลดค่าใช้จ่ายในการเดินทาง]]",
      ]),
    ),
    ...numbered(ctx, t.lines),
    body("จึงเรียนมาเพื่อโปรดทราบและแจ้งผู้เกี่ยวข้องถือปฏิบัติต่อไป"),
    signature(ctx, `หัวหน้าสำนักงานจังหวัด${ctx.province.name}`),
  ];
  return doc(ctx, id, `memo-${platform}`, t.subject, blocks);
}

// ---------------------------------------------------------------------------------------------------------------
// รายงานผลการฝึกอบรม (P3.1, P6.2.2)

export type Course = "literacy" | "cyber";

const COURSES: Record<Course, { name: string; aim: string; topics: string[] }> = {
  literacy: {
    name: "การพัฒนาทักษะความเข้าใจและใช้เทคโนโลยีดิจิทัล (Digital Literacy) สำหรับบุคลากรภาครัฐ",
    aim: "[[เพื่อพัฒนาทักษะดิจิทัลของบุคลากร]]ให้สามารถใช้เครื่องมือดิจิทัลในการปฏิบัติงานได้อย่างมีประสิทธิภาพ",
    topics: ["การใช้งานระบบสารบรรณอิเล็กทรอนิกส์", "การใช้งานโปรแกรมตารางคำนวณ", "การสืบค้นข้อมูลอย่างปลอดภัย"],
  },
  cyber: {
    name: "การสร้างความตระหนักด้านความมั่นคงปลอดภัยไซเบอร์ (Cybersecurity Awareness)",
    aim: "[[เพื่อสร้างความตระหนักด้านความมั่นคงปลอดภัยไซเบอร์]]และรับมือภัยคุกคามทางอีเมลหลอกลวง (Phishing)",
    topics: ["ภัยคุกคามทางไซเบอร์ที่พบบ่อย", "การตั้งรหัสผ่านที่ปลอดภัย", "การแจ้งเหตุภัยคุกคามทางไซเบอร์"],
  },
};

export function trainingReport(ctx: Ctx, id: string, course: Course): Doc {
  const d = ctx.thaiDigits;
  const c = COURSES[course];
  const people = ctx.rng.int(35, 120);
  const before = ctx.rng.int(45, 62);
  const after = before + ctx.rng.int(15, 30);
  const blocks: Block[] = [
    { t: "logo", align: "center", variant: ctx.rng.int(0, 3) },
    centre("**รายงานผลการฝึกอบรม**", 18),
    centre(`หลักสูตร ${c.name}`),
    centre(`สำนักงานจังหวัด${ctx.province.name}`),
    para(`**${num(1, d)}. วัตถุประสงค์**`, { before: 4 }),
    body(c.aim),
    para(`**${num(2, d)}. ผู้เข้ารับการอบรม**`, { before: 3 }),
    body(`[[ข้าราชการและบุคลากรในจังหวัด จำนวน ${num(people, d)} คน]] จาก ${num(ctx.rng.int(12, 30), d)} ส่วนราชการ`),
    para(`**${num(3, d)}. เนื้อหาการอบรม**`, { before: 3 }),
    ...numbered(ctx, c.topics),
    para(`**${num(4, d)}. การวัดผล**`, { before: 3 }),
    body(
      alt(ctx, [
        `[[ผลการทดสอบก่อนและหลังการอบรม]] พบว่าคะแนนเฉลี่ยเพิ่มขึ้นจากร้อยละ ${num(before, d)} เป็นร้อยละ ${num(after, d)}`,
        `[[ผลคะแนนแบบทดสอบ Pre-test และ Post-test]] ของผู้เข้าอบรมเพิ่มขึ้นจากร้อยละ ${num(before, d)} เป็นร้อยละ ${num(after, d)}`,
      ]),
    ),
    signature(ctx, "ผู้รายงาน"),
  ];
  return doc(ctx, id, `training-${course}`, `รายงานผลการฝึกอบรม หลักสูตร ${c.name}`, blocks);
}

// ---------------------------------------------------------------------------------------------------------------
// รายงานผลการดำเนินโครงการด้านเทคโนโลยี (P7.1, G3)

export type Tech = "ai" | "gis";

const TECH: Record<Tech, { project: string; what: string; result: string }> = {
  ai: {
    project: "โครงการพัฒนาระบบตอบคำถามประชาชนอัตโนมัติด้วยปัญญาประดิษฐ์ (AI Chatbot)",
    what: "จังหวัดได้[[นำปัญญาประดิษฐ์ (AI Chatbot) มาตอบคำถามประชาชน]]ผ่าน LINE Official Account ตลอด 24 ชั่วโมง",
    result: "[[ลดระยะเวลารอคอยการตอบคำถามจาก 2 วันเหลือไม่เกิน 5 นาที]] และลดภาระงานของเจ้าหน้าที่ศูนย์ดำรงธรรม",
  },
  gis: {
    project: "โครงการพัฒนาระบบภูมิสารสนเทศ (GIS) เพื่อเฝ้าระวังและแจ้งเตือนอุทกภัย",
    what: "จังหวัดได้[[พัฒนาระบบภูมิสารสนเทศ (GIS) แสดงพื้นที่เสี่ยงน้ำท่วม]]จากข้อมูลระดับน้ำและภาพถ่ายดาวเทียม",
    result: "[[แจ้งเตือนประชาชนในพื้นที่เสี่ยงได้เร็วขึ้นร้อยละ 60]] และใช้ประกอบการตัดสินใจของผู้บริหารในการจัดสรรทรัพยากร",
  },
};

export function techReport(ctx: Ctx, id: string, tech: Tech): Doc {
  const t = TECH[tech];
  const blocks: Block[] = [
    { t: "logo", align: "left", variant: ctx.rng.int(0, 3), caption: `สำนักงานจังหวัด${ctx.province.name}` },
    centre("**รายงานผลการดำเนินโครงการ**", 18),
    centre(t.project),
    para("**หลักการและเหตุผล**", { before: 4 }),
    body(
      alt(ctx, [
        "เพื่อยกระดับการให้บริการประชาชนด้วยเทคโนโลยีดิจิทัลตามแผนปฏิบัติการดิจิทัลของจังหวัด",
        "เพื่อนำเทคโนโลยีที่เกิดขึ้นใหม่มาเพิ่มประสิทธิภาพการบริหารงานของจังหวัด",
      ]),
    ),
    para("**การดำเนินงาน**", { before: 3 }),
    body(t.what),
    para("**ผลสำเร็จของโครงการ**", { before: 3 }),
    body(t.result),
    signature(ctx, "ผู้รับผิดชอบโครงการ"),
  ];
  return doc(ctx, id, `tech-${tech}`, t.project, blocks);
}

// ---------------------------------------------------------------------------------------------------------------
// Tweaks on any document

function texts(d: Doc): { get(): string; set(v: string): void }[] {
  const out: { get(): string; set(v: string): void }[] = [];
  const runs = (inls: { text: string }[]) => inls.forEach((r) => out.push({ get: () => r.text, set: (v) => (r.text = v) }));
  for (const b of d.blocks) {
    if (b.t === "para") runs(b.inl);
    if (b.t === "table") b.rows.forEach((row) => row.forEach(runs));
  }
  return out;
}

/** The document's text, runs joined (to check what a builder produced). */
export function docText(d: Doc): string {
  return texts(d).map((t) => t.get()).join("");
}

/** The key phrases the builder marked with [[ ]] (what an officer would highlight). */
export function keyPhrases(d: Doc): string[] {
  const out: string[] = [];
  for (const b of d.blocks) {
    const inls = b.t === "para" ? b.inl : b.t === "table" ? b.rows.flat(2) : [];
    for (const r of inls) if (r.key) out.push(r.text.trim());
  }
  return out;
}

export function replaceText(d: Doc, from: string, to: string): void {
  for (const t of texts(d)) if (t.get().includes(from)) t.set(t.get().split(from).join(to));
  d.title = d.title.split(from).join(to);
}

/** Only the key phrases matching one of the patterns stay key phrases (scans: the marker picks among key phrases). */
export function keepKeys(d: Doc, patterns: string[]): void {
  for (const b of d.blocks) {
    const inls = b.t === "para" ? b.inl : b.t === "table" ? b.rows.flat(2) : [];
    for (const r of inls) if (r.key && !patterns.some((p) => r.text.includes(p))) delete r.key;
  }
}

const DATE_TEXT = new RegExp(
  `[0-9๐-๙]{1,2} (?:${[...MONTHS_FULL, ...MONTHS_ABBR].map((m) => m.replace(/\./g, "\\.")).join("|")}) (?:พ\\.ศ\\. )?[0-9๐-๙]{2,4}`,
  "u",
);

/** Gives the document's first written date (a meeting's, a news item's) a new value everywhere it appears. */
export function redate(ctx: Ctx, d: Doc, iso: string | "blank", style: DateStyle = "full"): void {
  const first = texts(d).map((t) => DATE_TEXT.exec(t.get())?.[0]).find((m) => m !== undefined);
  if (!first) throw new Error(`${d.id}: no date to replace`);
  const [y, m, day] = iso === "blank" ? [0, 0, 0] : iso.split("-").map(Number);
  const text = iso === "blank" ? "........ เดือน .................. พ.ศ. ........" : formatDate({ day: day!, month: m!, yearBE: y! + 543 }, style, ctx.thaiDigits);
  replaceText(d, first, text);
}

/** Minutes of another committee: the committee named in the title becomes `committee`. */
export function renameCommittee(d: Doc, committee: string): void {
  const current = /^รายงานการประชุม(.+?) ครั้งที่/u.exec(d.title)?.[1];
  if (!current) throw new Error(`${d.id}: not minutes`);
  replaceText(d, current, committee);
}
