// Thai government-style document content. Every builder takes a seeded Rng and a split; the held-out split draws
// from different provinces, people, dates and (where a phrase has alternatives) different wordings.
import type { Block, Doc, FontFamily, Inline, ParaBlock, Rgb, SealSpec, Split, TableBlock } from "./model.js";
import type { Rng } from "./prng.js";
import {
  AGENCIES,
  agency,
  formatDate,
  num,
  personName,
  PROVINCES_HELDOUT,
  PROVINCES_TUNE,
  randomDate,
  randomPerson,
  th,
  type DateStyle,
  type Province,
} from "./thai.js";

export interface Ctx {
  rng: Rng;
  split: Split;
  province: Province;
  thaiDigits: boolean;
  font: FontFamily;
}

export function makeCtx(rng: Rng, split: Split, font?: FontFamily): Ctx {
  const provinces = split === "heldout" ? PROVINCES_HELDOUT : PROVINCES_TUNE;
  return {
    rng,
    split,
    province: rng.pick(provinces),
    thaiDigits: rng.chance(0.75),
    font: font ?? rng.weighted<FontFamily>(["Laksaman", "Garuda", "Loma"], [0.72, 0.14, 0.14]),
  };
}

/** Wordings with alternatives: the tune split uses even-indexed variants, held-out the odd ones (when present). */
function alt(ctx: Ctx, variants: readonly string[]): string {
  const own = variants.filter((_, i) => (ctx.split === "heldout" ? i % 2 === 1 : i % 2 === 0));
  return ctx.rng.pick(own.length > 0 ? own : variants);
}

/** Parse "text [[key phrase]] more **bold** text" into inline runs. */
export function inl(src: string): Inline[] {
  const out: Inline[] = [];
  const re = /\[\[(.+?)\]\]|\*\*(.+?)\*\*/g;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m.index > last) out.push({ text: src.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ text: m[1], key: true });
    else if (m[2] !== undefined) out.push({ text: m[2], bold: true });
    last = m.index + m[0].length;
  }
  if (last < src.length) out.push({ text: src.slice(last) });
  return out;
}

export function P(src: string, o: Omit<ParaBlock, "t" | "inl"> = {}): ParaBlock {
  return { t: "para", inl: inl(src), ...o };
}

export const BODY_INDENT = 25; // mm, first-line indent of body paragraphs (ระเบียบงานสารบรรณ: 2.5 cm)

export function body(src: string, o: Omit<ParaBlock, "t" | "inl"> = {}): ParaBlock {
  return P(src, { indent: BODY_INDENT, before: 1.5, ...o });
}

/** Numbered item hanging at the body indent: "๑. text …" */
export function item(ctx: Ctx, n: number | string, src: string, level = 1, paren = false): ParaBlock {
  const label = typeof n === "number" ? num(n, ctx.thaiDigits) : n;
  const left = BODY_INDENT + (level - 1) * 8;
  return { t: "para", inl: [{ text: paren ? `(${label}) ` : `${label} ` }, ...inl(src)], left, before: 0.5 };
}

export function centre(src: string, o: Omit<ParaBlock, "t" | "inl"> = {}): ParaBlock {
  return P(src, { align: "center", ...o });
}

const SHADES: readonly Rgb[] = [
  [221, 235, 247], // light blue (Word "Blue, Accent 1, Lighter 80%")
  [226, 239, 218], // light green
  [255, 242, 204], // light gold — close to a faded yellow highlighter
  [251, 228, 213], // light orange
  [217, 217, 217], // light grey
  [237, 237, 237],
  [234, 225, 242], // light purple
];

export function shade(ctx: Ctx): Rgb {
  return ctx.rng.pick(SHADES);
}

function dateStyle(ctx: Ctx): DateStyle {
  return ctx.rng.weighted<DateStyle>(["full", "full-pos", "abbr", "abbr-short-year"], [3, 4, 2, 1]);
}

function seal(ctx: Ctx, office?: string): SealSpec {
  const p = ctx.province.name;
  return {
    ring: office ?? ctx.rng.pick([`สำนักงานจังหวัด${p}`, `ศาลากลางจังหวัด${p}`, `จังหวัด${p}`]),
    center: ctx.rng.pick(["★", "ครุฑ", "ตรา"]),
  };
}

function pageNumbers(ctx: Ctx): Doc["pageNumbers"] {
  return ctx.thaiDigits ? "thai" : ctx.rng.pick(["arabic", "thai"] as const);
}

export function docBase(ctx: Ctx, id: string, type: string, title: string, blocks: Block[]): Doc {
  const size = ctx.font === "Laksaman" ? 16 : ctx.rng.pick([14, 15]);
  return {
    id,
    type,
    title,
    font: ctx.font,
    size,
    leading: ctx.font === "Laksaman" ? ctx.rng.range(1.4, 1.52) : ctx.rng.range(1.45, 1.6),
    blocks,
    pageNumbers: pageNumbers(ctx),
  };
}

export function governor(ctx: Ctx): { name: string; title: string } {
  const person = randomPerson(ctx.rng);
  const acting = ctx.rng.chance(0.3);
  return {
    name: `(${personName(person)})`,
    title: acting ? `รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน` : `ผู้ว่าราชการจังหวัด${ctx.province.name}`,
  };
}

export function signBlock(ctx: Ctx, lines: string[], withSeal: boolean, label = ""): Block {
  return {
    t: "sign",
    lines,
    label,
    seal: withSeal ? seal(ctx) : null,
    cx: ctx.rng.range(0.58, 0.68),
    before: ctx.rng.range(4, 8),
  };
}

export function committeeTable(ctx: Ctx, members: [string, string][], bordered: boolean): TableBlock {
  const rows = members.map(([who, role], i) => [[{ text: num(i + 1, ctx.thaiDigits) }], inl(who), inl(role)]);
  return {
    t: "table",
    head: bordered ? ["ลำดับ", "ตำแหน่ง / หน่วยงาน", "ตำแหน่งในคณะกรรมการ"] : [],
    widths: [0.11, 0.56, 0.33],
    rows,
    shade: bordered ? shade(ctx) : null,
    band: bordered && ctx.rng.chance(0.25) ? [242, 242, 242] : null,
    borderless: !bordered,
    before: 2,
  };
}

export function agencies(ctx: Ctx, n: number): string[] {
  return ctx.rng.sample(AGENCIES.slice(3), n).map((a) => agency(a, ctx.province));
}

// ---------------------------------------------------------------------------------------------------------------
// คำสั่งจังหวัด … เรื่อง แต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด (PCIO)

export function pcioOrder(ctx: Ctx, id: string): Doc {
  const { rng } = ctx;
  const p = ctx.province.name;
  const no = num(rng.int(120, 4850), ctx.thaiDigits);
  const year = num(2566, ctx.thaiDigits);
  const title = "แต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด (PCIO)";
  const members: [string, string][] = [
    [`ผู้ว่าราชการจังหวัด${p}`, "[[ประธานกรรมการ]]"],
    [`รองผู้ว่าราชการจังหวัด${p} (ที่ได้รับมอบหมาย)`, "รองประธานกรรมการ"],
    [`ปลัดจังหวัด${p}`, "กรรมการ"],
    ...agencies(ctx, rng.int(3, 6)).map((a): [string, string] => [`หัวหน้า${a}`, "กรรมการ"]),
    [`หัวหน้าสำนักงานจังหวัด${p}`, "[[กรรมการและเลขานุการ]]"],
    [`หัวหน้ากลุ่มงานข้อมูลสารสนเทศและการสื่อสาร สำนักงานจังหวัด${p}`, "กรรมการและผู้ช่วยเลขานุการ"],
  ];
  const g = governor(ctx);
  const duties = rng.sample(
    [
      alt(ctx, [
        "[[กำหนดนโยบายและทิศทางการพัฒนารัฐบาลดิจิทัลของจังหวัด]]ให้สอดคล้องกับแผนพัฒนารัฐบาลดิจิทัลของประเทศไทย",
        "[[กำหนดทิศทางการขับเคลื่อนรัฐบาลดิจิทัลระดับจังหวัด]]ให้สอดคล้องกับยุทธศาสตร์ชาติและแผนระดับกระทรวง",
      ]),
      alt(ctx, [
        "กำกับ ติดตาม และ[[ประเมินผลการดำเนินงานตามแผนปฏิบัติการดิจิทัลของจังหวัด]] และรายงานผลต่อที่ประชุมหัวหน้าส่วนราชการ",
        "[[ติดตามและรายงานผลการพัฒนารัฐบาลดิจิทัล]]ของหน่วยงานในจังหวัดเป็นประจำทุกไตรมาส",
      ]),
      "ส่งเสริม[[การบูรณาการข้อมูลและการเชื่อมโยงระบบสารสนเทศ]]ระหว่างหน่วยงานภายในจังหวัด เพื่อให้บริการประชาชนแบบเบ็ดเสร็จ ณ จุดเดียว",
      alt(ctx, [
        "ผลักดัน[[การนำระบบสารบรรณอิเล็กทรอนิกส์ (e-Saraban) มาใช้]]ในการปฏิบัติงานของส่วนราชการทุกแห่ง",
        "ขับเคลื่อน[[การลดการใช้กระดาษ (Paperless Office)]] และการใช้ลายมือชื่ออิเล็กทรอนิกส์ในงานสารบรรณ",
      ]),
      "กำกับดูแล[[การรักษาความมั่นคงปลอดภัยไซเบอร์]]และการคุ้มครองข้อมูลส่วนบุคคลของหน่วยงานในจังหวัด",
      "[[พัฒนาทักษะดิจิทัลของบุคลากรภาครัฐ]]ในจังหวัดให้สามารถปรับตัวเข้าสู่การทำงานแบบดิจิทัล",
      "ให้ความเห็นชอบโครงการด้านเทคโนโลยีสารสนเทศและการสื่อสารของจังหวัดก่อนเสนอขอรับการจัดสรรงบประมาณ",
    ],
    rng.int(4, 6),
  );
  const blocks: Block[] = [
    { t: "emblem" },
    centre(`**คำสั่งจังหวัด${p}**`, { size: 18 }),
    centre(`ที่ ${no}/${year}`),
    centre(`เรื่อง  ${title}`),
    centre("-----------------------------------------"),
    body(
      alt(ctx, [
        `ตามมติคณะรัฐมนตรีเมื่อวันที่ ${th(20)} มีนาคม ${th(2550)} ได้กำหนดให้มีผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (Chief Information Officer : CIO) ในทุกกระทรวง กรม และจังหวัด เพื่อขับเคลื่อนการพัฒนารัฐบาลดิจิทัล ประกอบกับ[[พระราชบัญญัติการบริหารงานและการให้บริการภาครัฐผ่านระบบดิจิทัล พ.ศ. ๒๕๖๒]] กำหนดให้หน่วยงานของรัฐจัดให้มีการบริหารงานและการจัดทำบริการสาธารณะในรูปแบบและช่องทางดิจิทัล`,
        `เพื่อให้การขับเคลื่อนการพัฒนารัฐบาลดิจิทัลของจังหวัด${p} เป็นไปอย่างมีประสิทธิภาพ สอดคล้องกับ[[แผนพัฒนารัฐบาลดิจิทัลของประเทศไทย พ.ศ. ๒๕๖๖ – ๒๕๗๐]] และนโยบายของกระทรวงมหาดไทยที่ให้ทุกจังหวัดมีผู้บริหารเทคโนโลยีสารสนเทศระดับสูงประจำจังหวัด`,
      ]),
    ),
    body(
      `อาศัยอำนาจตามความในมาตรา ${num(57, ctx.thaiDigits)} แห่งพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. ${num(2534, ctx.thaiDigits)} และที่แก้ไขเพิ่มเติม จึง[[แต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด]] (Provincial Chief Information Officer : PCIO) ประกอบด้วย`,
    ),
    committeeTable(ctx, members, rng.chance(0.6)),
    body("ให้คณะกรรมการมีอำนาจหน้าที่ ดังนี้", { keepNext: true }),
    ...duties.map((d, i) => item(ctx, `${num(i + 1, ctx.thaiDigits)}.`, d)),
    body(rng.pick(["ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป", "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป จนกว่าจะมีคำสั่งเปลี่ยนแปลง"])),
    P(`สั่ง ณ วันที่ ${formatDate(randomDate(rng, 2566), rng.pick(["full-pos", "full"] as const), ctx.thaiDigits)}`, {
      left: 60,
      before: 4,
      keepNext: true,
    }),
    signBlock(ctx, [g.name, g.title, ...(g.title.startsWith("รอง") ? [`ผู้ว่าราชการจังหวัด${p}`] : [])], rng.chance(0.7)),
  ];
  return docBase(ctx, id, "pcio-order", `คำสั่งจังหวัด${p} ที่ ${no}/${year} เรื่อง ${title}`, blocks);
}

// ---------------------------------------------------------------------------------------------------------------
// คำสั่ง … เรื่อง แต่งตั้งคณะกรรมการธรรมาภิบาลข้อมูล

export function dataGovOrder(ctx: Ctx, id: string): Doc {
  const { rng } = ctx;
  const p = ctx.province.name;
  const no = num(rng.int(200, 3900), ctx.thaiDigits);
  const year = num(rng.pick([2566, 2567]), ctx.thaiDigits);
  const title = alt(ctx, [
    `แต่งตั้งคณะกรรมการธรรมาภิบาลข้อมูลจังหวัด${p}`,
    `แต่งตั้งคณะกรรมการธรรมาภิบาลข้อมูล (Data Governance Council) และคณะทำงานบริกรข้อมูลจังหวัด${p}`,
  ]);
  const members: [string, string][] = [
    [`รองผู้ว่าราชการจังหวัด${p} (ผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด)`, "[[ประธานกรรมการ]]"],
    [`ปลัดจังหวัด${p}`, "รองประธานกรรมการ"],
    ...agencies(ctx, rng.int(2, 5)).map((a): [string, string] => [`หัวหน้า${a}`, "กรรมการ"]),
    [`หัวหน้าสำนักงานจังหวัด${p}`, "กรรมการและเลขานุการ"],
  ];
  const duties = rng.sample(
    [
      alt(ctx, [
        "กำหนด[[นโยบายและแนวปฏิบัติด้านธรรมาภิบาลข้อมูล]]ของจังหวัดให้สอดคล้องกับกรอบธรรมาภิบาลข้อมูลภาครัฐ",
        "จัดทำ[[กรอบธรรมาภิบาลข้อมูลภาครัฐระดับจังหวัด]] (Data Governance Framework) และประกาศให้หน่วยงานถือปฏิบัติ",
      ]),
      alt(ctx, [
        "[[จัดทำบัญชีข้อมูล (Data Catalog)]] ของจังหวัดและลงทะเบียนในระบบบัญชีข้อมูลภาครัฐ",
        "ดำเนินการ[[จัดทำและปรับปรุงคำอธิบายชุดข้อมูล (Metadata)]] ให้เป็นปัจจุบันอย่างน้อยปีละหนึ่งครั้ง",
      ]),
      "[[กำหนดชั้นความลับของข้อมูล]] และสิทธิการเข้าถึงข้อมูลของผู้ใช้งานแต่ละระดับ",
      "ส่งเสริมการ[[เปิดเผยข้อมูลเปิดภาครัฐ (Open Data)]] ผ่านศูนย์กลางข้อมูลเปิดภาครัฐ data.go.th",
      "[[ควบคุมคุณภาพของข้อมูล]]ให้มีความถูกต้อง ครบถ้วน เป็นปัจจุบัน และพร้อมใช้งาน",
      "ประเมินผลการดำเนินงานด้านธรรมาภิบาลข้อมูลและรายงานต่อผู้ว่าราชการจังหวัด",
    ],
    rng.int(4, 6),
  );
  const g = governor(ctx);
  const blocks: Block[] = [
    { t: "emblem" },
    centre(`**คำสั่งจังหวัด${p}**`, { size: 18 }),
    centre(`ที่ ${no}/${year}`),
    centre(`เรื่อง  ${title}`),
    centre("-----------------------------------------"),
    body(
      `ด้วยพระราชบัญญัติการบริหารงานและการให้บริการภาครัฐผ่านระบบดิจิทัล พ.ศ. ${num(2562, ctx.thaiDigits)} มาตรา ${num(8, ctx.thaiDigits)} กำหนดให้[[หน่วยงานของรัฐจัดให้มีธรรมาภิบาลข้อมูลภาครัฐ]] เพื่อให้การได้มาและการนำข้อมูลไปใช้มีความถูกต้อง ครบถ้วน เป็นปัจจุบัน มั่นคงปลอดภัย และไม่ละเมิดความเป็นส่วนบุคคล`,
    ),
    body("เพื่อให้การดำเนินการดังกล่าวเป็นไปด้วยความเรียบร้อย จึงแต่งตั้งคณะกรรมการ ประกอบด้วย"),
    committeeTable(ctx, members, rng.chance(0.5)),
    body("โดยให้คณะกรรมการมีอำนาจหน้าที่ ดังนี้", { keepNext: true }),
    ...duties.map((d, i) => item(ctx, `${num(i + 1, ctx.thaiDigits)}.`, d)),
    body("ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"),
    P(`สั่ง ณ วันที่ ${formatDate(randomDate(rng, 2567), "full-pos", ctx.thaiDigits)}`, { left: 60, before: 4, keepNext: true }),
    signBlock(ctx, [g.name, g.title], rng.chance(0.6)),
  ];
  return docBase(ctx, id, "data-governance-order", `คำสั่งจังหวัด${p} ที่ ${no}/${year} เรื่อง ${title}`, blocks);
}

// ---------------------------------------------------------------------------------------------------------------
// ประกาศ … เรื่อง นโยบายคุ้มครองข้อมูลส่วนบุคคล

export function pdpaNotice(ctx: Ctx, id: string): Doc {
  const { rng } = ctx;
  const p = ctx.province.name;
  const d = ctx.thaiDigits;
  const title = alt(ctx, ["นโยบายคุ้มครองข้อมูลส่วนบุคคล", "นโยบายการคุ้มครองข้อมูลส่วนบุคคล (Privacy Policy)"]);
  const g = governor(ctx);
  const items: string[] = [
    `จังหวัด${p}จะ[[เก็บรวบรวมข้อมูลส่วนบุคคลเท่าที่จำเป็น]]ภายใต้วัตถุประสงค์อันชอบด้วยกฎหมาย และจะ[[แจ้งเจ้าของข้อมูลส่วนบุคคลก่อนหรือในขณะเก็บรวบรวม]]ตามมาตรา ${num(23, d)} แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ${num(2562, d)}`,
    alt(ctx, [
      `การเก็บรวบรวมข้อมูลส่วนบุคคลจะอาศัย[[ฐานทางกฎหมายตามมาตรา ${num(24, d)}]] เช่น การปฏิบัติหน้าที่ในการดำเนินภารกิจเพื่อประโยชน์สาธารณะ หรือการปฏิบัติตามกฎหมาย`,
      `กรณีที่ต้องขอความยินยอม จะ[[ขอความยินยอมโดยชัดแจ้งเป็นหนังสือหรือผ่านระบบอิเล็กทรอนิกส์]]ตามมาตรา ${num(19, d)}`,
    ]),
    `[[ข้อมูลส่วนบุคคลอ่อนไหว]] เช่น ข้อมูลสุขภาพ ข้อมูลชีวภาพ หรือศาสนา จะเก็บรวบรวมเมื่อได้รับความยินยอมโดยชัดแจ้งตามมาตรา ${num(26, d)} เท่านั้น`,
    `เจ้าของข้อมูลส่วนบุคคลมีสิทธิขอเข้าถึง ขอรับสำเนา ขอให้แก้ไข ขอให้ลบ และ[[คัดค้านการประมวลผลข้อมูลส่วนบุคคล]]ตามมาตรา ${num(30, d)} ถึงมาตรา ${num(36, d)}`,
    alt(ctx, [
      `จังหวัดจัดให้มี[[มาตรการรักษาความมั่นคงปลอดภัยที่เหมาะสม]]ทั้งด้านการบริหารจัดการ ด้านเทคนิค และด้านกายภาพ ตามมาตรา ${num(37, d)}`,
      `ในกรณีที่มี[[การละเมิดข้อมูลส่วนบุคคล]] จะแจ้งสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคลภายใน ${num(72, d)} ชั่วโมงนับแต่ทราบเหตุ`,
    ]),
    `จังหวัดได้[[แต่งตั้งเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO)]] ตามมาตรา ${num(41, d)} ติดต่อได้ที่ ${rng.pick(["กลุ่มงานข้อมูลสารสนเทศและการสื่อสาร", "ฝ่ายบริหารงานทั่วไป"])} สำนักงานจังหวัด${p} โทร. ${num(`0 ${rng.int(5000, 7799)} ${rng.int(1000, 9999)}`, d)}`,
    `จังหวัดจะ[[ทบทวนนโยบายนี้อย่างน้อยปีละหนึ่งครั้ง]] และเผยแพร่ผ่านเว็บไซต์ของจังหวัด`,
  ];
  const blocks: Block[] = [
    { t: "emblem" },
    centre(`**ประกาศจังหวัด${p}**`, { size: 18 }),
    centre(`เรื่อง  ${title}`),
    centre("-----------------------------------------"),
    body(
      `โดยที่พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ${num(2562, d)} กำหนดให้ผู้ควบคุมข้อมูลส่วนบุคคลมีหน้าที่คุ้มครองข้อมูลส่วนบุคคลของประชาชนผู้รับบริการ จังหวัด${p}ในฐานะ[[ผู้ควบคุมข้อมูลส่วนบุคคล]] จึงประกาศนโยบายคุ้มครองข้อมูลส่วนบุคคล ดังนี้`,
    ),
    ...rng.sample(items, rng.int(5, 7)).map((t, i) => item(ctx, `${num(i + 1, d)}.`, t)),
    body("จึงประกาศมาเพื่อทราบโดยทั่วกัน"),
    P(`ประกาศ ณ วันที่ ${formatDate(randomDate(rng, rng.pick([2566, 2567])), "full-pos", d)}`, { left: 60, before: 4, keepNext: true }),
    signBlock(ctx, [g.name, g.title], rng.chance(0.8)),
  ];
  return docBase(ctx, id, "pdpa-notice", `ประกาศจังหวัด${p} เรื่อง ${title}`, blocks);
}

// ---------------------------------------------------------------------------------------------------------------
// รายงานการประชุม (multi-page)

const AGENDA_TOPICS: readonly { head: string; paras: string[] }[] = [
  {
    head: "ผลการประเมินความพร้อมรัฐบาลดิจิทัลของจังหวัด",
    paras: [
      "ฝ่ายเลขานุการรายงานว่า สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) ได้แจ้ง[[ผลการสำรวจความพร้อมรัฐบาลดิจิทัลของหน่วยงานภาครัฐ ประจำปี {year}]] ซึ่งจังหวัดได้คะแนนรวมร้อยละ {pct} อยู่ในระดับ{level}",
      "ประเด็นที่ยังมีคะแนนต่ำ ได้แก่ [[การเปิดเผยข้อมูลเปิดภาครัฐ]] และ[[การให้บริการประชาชนผ่านช่องทางดิจิทัล]] ซึ่งที่ประชุมเห็นควรให้ทุกหน่วยงานเร่งดำเนินการให้แล้วเสร็จภายในไตรมาสที่ {q}",
    ],
  },
  {
    head: "แผนปฏิบัติการดิจิทัลของจังหวัด ประจำปีงบประมาณ พ.ศ. {fy}",
    paras: [
      "ฝ่ายเลขานุการได้จัดทำ[[ร่างแผนปฏิบัติการดิจิทัลของจังหวัด]] ประกอบด้วย {n} ยุทธศาสตร์ {m} โครงการ วงเงินงบประมาณรวม {budget} บาท เพื่อให้สอดคล้องกับแผนพัฒนารัฐบาลดิจิทัลของประเทศไทย",
      "ที่ประชุมได้พิจารณาและมีข้อเสนอแนะให้เพิ่ม[[ตัวชี้วัดด้านการลดการใช้กระดาษ]] และให้กำหนดหน่วยงานรับผิดชอบหลักของแต่ละโครงการให้ชัดเจน",
    ],
  },
  {
    head: "การขับเคลื่อนระบบสารบรรณอิเล็กทรอนิกส์ (e-Saraban)",
    paras: [
      "ผู้แทนสำนักงานจังหวัดรายงานว่า ปัจจุบันส่วนราชการในจังหวัดใช้[[ระบบสารบรรณอิเล็กทรอนิกส์ครบทุกหน่วยงาน]]แล้ว คิดเป็นร้อยละ {pct} ของหนังสือราชการทั้งหมด",
      "ทั้งนี้ ยังพบปัญหาการลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์ จึงขอให้[[ทุกหน่วยงานแต่งตั้งผู้ดูแลระบบประจำหน่วยงาน]] และส่งรายชื่อให้ฝ่ายเลขานุการภายในวันที่ {date}",
    ],
  },
  {
    head: "การรักษาความมั่นคงปลอดภัยไซเบอร์ของหน่วยงานในจังหวัด",
    paras: [
      "ผู้แทนสำนักงานดิจิทัลเพื่อเศรษฐกิจและสังคมจังหวัดรายงาน[[สถานการณ์ภัยคุกคามทางไซเบอร์]] โดยในรอบไตรมาสที่ผ่านมามีเว็บไซต์ของหน่วยงานถูกโจมตี {k} ครั้ง",
      "ที่ประชุมมอบหมายให้ทุกหน่วยงาน[[สำรองข้อมูลสำคัญอย่างน้อยสัปดาห์ละหนึ่งครั้ง]] และทบทวนการกำหนดสิทธิผู้ใช้งานระบบตามมาตรฐาน ISO/IEC 27001",
    ],
  },
  {
    head: "การดำเนินการตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒",
    paras: [
      "ฝ่ายเลขานุการรายงานว่า จังหวัดได้[[ประกาศนโยบายคุ้มครองข้อมูลส่วนบุคคล]]และเผยแพร่บนเว็บไซต์แล้ว และได้แต่งตั้งเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO) ประจำจังหวัด",
      "ที่ประชุมเห็นควรให้ทุกหน่วยงาน[[จัดทำบันทึกรายการกิจกรรมการประมวลผลข้อมูลส่วนบุคคล (ROPA)]] ตามมาตรา ๓๙ ให้แล้วเสร็จภายในเดือน{month}",
    ],
  },
  {
    head: "ธรรมาภิบาลข้อมูลและบัญชีข้อมูลของจังหวัด",
    paras: [
      "ฝ่ายเลขานุการรายงานความก้าวหน้าการ[[จัดทำบัญชีข้อมูลของจังหวัด]] ปัจจุบันมีชุดข้อมูลที่ลงทะเบียนแล้ว {m} ชุด และเปิดเผยเป็นข้อมูลเปิดภาครัฐ {k} ชุด",
      "ที่ประชุมมอบหมายให้คณะทำงานบริกรข้อมูล[[ตรวจสอบคุณภาพข้อมูลก่อนเผยแพร่]]ทุกครั้ง",
    ],
  },
];

function fill(ctx: Ctx, s: string): string {
  const { rng } = ctx;
  const d = ctx.thaiDigits;
  return s
    .replaceAll("{year}", num(rng.pick([2566, 2567]), d))
    .replaceAll("{fy}", num(rng.pick([2567, 2568]), d))
    .replaceAll("{pct}", num(`${rng.int(52, 96)}.${rng.int(10, 99)}`, d))
    .replaceAll("{level}", rng.pick(["ดี", "ดีมาก", "พอใช้"]))
    .replaceAll("{q}", num(rng.int(2, 4), d))
    .replaceAll("{n}", num(rng.int(3, 5), d))
    .replaceAll("{m}", num(rng.int(12, 48), d))
    .replaceAll("{k}", num(rng.int(2, 19), d))
    .replaceAll("{budget}", num(`${rng.int(2, 48)},${rng.int(100, 999)},${rng.int(100, 999)}`, d))
    .replaceAll("{date}", formatDate(randomDate(rng, 2567), "abbr", d))
    .replaceAll("{month}", rng.pick(["มีนาคม", "มิถุนายน", "กันยายน", "ธันวาคม"]))
    .replaceAll("๓๙", num(39, d))
    .replaceAll("๒๕๖๒", num(2562, d));
}

export function minutes(ctx: Ctx, id: string, size: "short" | "long" = "long"): Doc {
  const { rng } = ctx;
  const p = ctx.province.name;
  const d = ctx.thaiDigits;
  const committee = alt(ctx, [
    "คณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด (PCIO)",
    "คณะกรรมการขับเคลื่อนรัฐบาลดิจิทัลจังหวัด",
    "คณะกรรมการธรรมาภิบาลข้อมูลจังหวัด",
    "คณะทำงานพัฒนาจังหวัดสู่รัฐบาลดิจิทัล",
  ]);
  const meetNo = `${num(rng.int(1, 4), d)}/${num(2567, d)}`;
  const date = formatDate(randomDate(rng, 2567), dateStyle(ctx), d);
  const chair = randomPerson(rng);
  const present: [string, string][] = [
    [personName(chair), `รองผู้ว่าราชการจังหวัด${p}  ประธานกรรมการ`],
    ...Array.from({ length: rng.int(size === "long" ? 6 : 3, size === "long" ? 11 : 5) }, (): [string, string] => {
      const who = randomPerson(rng);
      return [personName(who), `${rng.pick(["ผู้อำนวยการ", "หัวหน้า", "ผู้แทน"])}${agency(rng.pick(AGENCIES), ctx.province)}`];
    }),
  ];
  const topics = rng.sample(AGENDA_TOPICS, size === "long" ? rng.int(4, 6) : 2);
  const blocks: Block[] = [];
  if (rng.chance(0.5)) blocks.push({ t: "logo", align: "center", variant: rng.int(0, 3) });
  blocks.push(
    centre(`**รายงานการประชุม${committee}**`, { size: 17 }),
    centre(`ครั้งที่ ${meetNo}`),
    centre(`${rng.pick(["วัน", "วัน"])}${rng.pick(["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์"])}ที่ ${date} เวลา ${num(rng.pick(["09.00", "09.30", "10.00", "13.30"]), d)} น.`),
    centre(`ณ ${rng.pick(["ห้องประชุมพญาผู้ว่าฯ ศาลากลางจังหวัด", "ห้องประชุมศาลากลางจังหวัด ชั้น ๓", "ห้องประชุมสำนักงานจังหวัด"])}${p}`),
    centre("---------------------------"),
    P("**ผู้มาประชุม**", { before: 2 }),
  );
  blocks.push({
    t: "table",
    head: [],
    widths: [0.08, 0.4, 0.52],
    rows: present.map(([n, r], i) => [[{ text: `${num(i + 1, d)}.` }], [{ text: n }], inl(r)]),
    shade: null,
    borderless: true,
  });
  blocks.push(P("**ผู้ไม่มาประชุม**", { before: 2 }));
  blocks.push(item(ctx, `${num(1, d)}.`, `${personName(randomPerson(rng))}  ${rng.pick(["ติดราชการ", "ลาป่วย", "ติดภารกิจ"])}`));
  blocks.push(P(`**เริ่มประชุมเวลา** ${num(rng.pick(["09.00", "09.30", "10.00"]), d)} น.`, { before: 2 }));
  blocks.push(
    body(
      `ประธานกรรมการกล่าวเปิดการประชุม และดำเนินการประชุมตาม[[ระเบียบวาระการประชุม]] ดังนี้`,
    ),
  );
  blocks.push(P(`**ระเบียบวาระที่ ${num(1, d)}  เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ**`, { before: 3, keepNext: true }));
  blocks.push(
    body(
      alt(ctx, [
        `ประธานแจ้งว่า กระทรวงมหาดไทยได้กำหนดให้[[การพัฒนาจังหวัดสู่รัฐบาลดิจิทัล]]เป็นตัวชี้วัดสำคัญของผู้ว่าราชการจังหวัด จึงขอให้ทุกหน่วยงานให้ความสำคัญและรายงานผลตามกำหนด`,
        `ประธานแจ้งว่า จังหวัดได้รับการคัดเลือกให้เป็น[[จังหวัดนำร่องการให้บริการภาครัฐแบบดิจิทัล]] จึงขอความร่วมมือทุกหน่วยงานเตรียมข้อมูลและระบบให้พร้อม`,
      ]),
    ),
  );
  blocks.push(P(`**มติที่ประชุม**  [[รับทราบ]]`, { left: BODY_INDENT }));
  blocks.push(P(`**ระเบียบวาระที่ ${num(2, d)}  เรื่องรับรองรายงานการประชุม**`, { before: 3, keepNext: true }));
  blocks.push(body(`ฝ่ายเลขานุการได้จัดทำรายงานการประชุมครั้งที่ผ่านมา และส่งให้คณะกรรมการพิจารณาแล้ว ไม่มีการแก้ไข`));
  blocks.push(P(`**มติที่ประชุม**  ${rng.pick(["[[รับรองรายงานการประชุม]]", "รับรองรายงานการประชุมโดยไม่มีการแก้ไข"])}`, { left: BODY_INDENT }));
  blocks.push(P(`**ระเบียบวาระที่ ${num(3, d)}  เรื่องเพื่อทราบ / เพื่อพิจารณา**`, { before: 3, keepNext: true }));
  topics.forEach((t, i) => {
    blocks.push(P(`**${num(3, d)}.${num(i + 1, d)}  ${fill(ctx, t.head)}**`, { left: BODY_INDENT - 10, before: 2, keepNext: true }));
    for (const para of t.paras) blocks.push(body(fill(ctx, para)));
    if (i % 2 === 1 && size === "long") {
      blocks.push({
        t: "table",
        head: ["หน่วยงาน", "ผลการดำเนินงาน", "ร้อยละ"],
        widths: [0.5, 0.32, 0.18],
        rows: agencies(ctx, rng.int(3, 5)).map((a) => [
          [{ text: a }],
          [{ text: rng.pick(["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"]) }],
          [{ text: num(rng.int(40, 100), d) }],
        ]),
        shade: shade(ctx),
        band: rng.chance(0.3) ? [242, 242, 242] : null,
        before: 2,
      });
    }
    blocks.push(
      P(`**มติที่ประชุม**  ${rng.pick(["[[เห็นชอบ]]ตามที่ฝ่ายเลขานุการเสนอ", "รับทราบ และ[[มอบหมายให้ฝ่ายเลขานุการติดตามผล]]", "[[เห็นชอบ]] และให้รายงานความก้าวหน้าในการประชุมครั้งต่อไป"])}`, {
        left: BODY_INDENT,
        before: 1,
      }),
    );
  });
  blocks.push(P(`**ระเบียบวาระที่ ${num(4, d)}  เรื่องอื่น ๆ**`, { before: 3, keepNext: true }));
  blocks.push(body(rng.pick(["- ไม่มี -", `ประธานกำหนด[[การประชุมครั้งต่อไปในเดือน${rng.pick(["เมษายน", "กรกฎาคม", "ตุลาคม"])}]]`])));
  blocks.push(P(`**เลิกประชุมเวลา** ${num(rng.pick(["11.30", "12.00", "12.15", "16.00"]), d)} น.`, { before: 3, keepNext: true }));
  const note = randomPerson(rng);
  const check = randomPerson(rng);
  blocks.push(signBlock(ctx, [`(${personName(note)})`, rng.pick(["นักวิเคราะห์นโยบายและแผนชำนาญการ", "เจ้าพนักงานธุรการชำนาญงาน"]), "ผู้จดรายงานการประชุม"], false, "(ลงชื่อ)"));
  blocks.push(signBlock(ctx, [`(${personName(check)})`, `หัวหน้าสำนักงานจังหวัด${p}`, "ผู้ตรวจรายงานการประชุม"], rng.chance(0.5), "(ลงชื่อ)"));
  return docBase(ctx, id, "minutes", `รายงานการประชุม${committee} ครั้งที่ ${meetNo} วันที่ ${date}`, blocks);
}

// ---------------------------------------------------------------------------------------------------------------
// แผนปฏิบัติการดิจิทัล (multi-page with tables)

const PROJECTS: readonly string[] = [
  "โครงการพัฒนาระบบบริการประชาชนแบบเบ็ดเสร็จ ณ จุดเดียวผ่านระบบดิจิทัล",
  "โครงการพัฒนาศูนย์ข้อมูลจังหวัด (Provincial Data Center)",
  "โครงการยกระดับความมั่นคงปลอดภัยไซเบอร์ของหน่วยงานในจังหวัด",
  "โครงการพัฒนาทักษะดิจิทัลสำหรับบุคลากรภาครัฐ",
  "โครงการขยายโครงข่ายอินเทอร์เน็ตความเร็วสูงสู่ชุมชน",
  "โครงการจัดทำบัญชีข้อมูลและข้อมูลเปิดภาครัฐของจังหวัด",
  "โครงการระบบติดตามผลการดำเนินงานตามแผนพัฒนาจังหวัด (Dashboard)",
  "โครงการส่งเสริมการท่องเที่ยวผ่านแพลตฟอร์มดิจิทัล",
  "โครงการพัฒนาระบบแจ้งเรื่องร้องเรียนผ่านแอปพลิเคชัน",
  "โครงการเชื่อมโยงข้อมูลผู้มีรายได้น้อยระหว่างหน่วยงาน",
  "โครงการพัฒนาระบบภูมิสารสนเทศ (GIS) เพื่อการบริหารจัดการน้ำ",
  "โครงการส่งเสริมเกษตรกรใช้เทคโนโลยีดิจิทัลในการผลิตและจำหน่าย",
  "โครงการจัดหาระบบประชุมทางไกลผ่านจอภาพ (Video Conference)",
  "โครงการพัฒนาเว็บไซต์จังหวัดให้รองรับมาตรฐานการเข้าถึงเว็บไซต์",
];

const STRATEGIES: readonly string[] = [
  "ยุทธศาสตร์ที่ {n} ยกระดับการให้บริการประชาชนด้วยเทคโนโลยีดิจิทัล",
  "ยุทธศาสตร์ที่ {n} พัฒนาโครงสร้างพื้นฐานและความมั่นคงปลอดภัยทางดิจิทัล",
  "ยุทธศาสตร์ที่ {n} ส่งเสริมการบูรณาการและการใช้ประโยชน์จากข้อมูล",
  "ยุทธศาสตร์ที่ {n} พัฒนากำลังคนให้มีทักษะดิจิทัล",
  "ยุทธศาสตร์ที่ {n} ส่งเสริมเศรษฐกิจดิจิทัลของจังหวัด",
];

export function digitalPlan(ctx: Ctx, id: string, pagesHint: "short" | "long" = "long"): Doc {
  const { rng } = ctx;
  const p = ctx.province.name;
  const d = ctx.thaiDigits;
  const fy = num(rng.pick([2567, 2568]), d);
  const title = alt(ctx, [
    `แผนปฏิบัติการดิจิทัลจังหวัด${p} ประจำปีงบประมาณ พ.ศ. ${fy}`,
    `แผนปฏิบัติการด้านดิจิทัลเพื่อเศรษฐกิจและสังคมจังหวัด${p} (พ.ศ. ${num(2566, d)} – ${num(2570, d)}) ฉบับทบทวนปี ${fy}`,
  ]);
  const blocks: Block[] = [
    { t: "logo", align: rng.pick(["center", "left"] as const), variant: rng.int(0, 3) },
    centre(`**${title}**`, { size: 18 }),
    centre(`${rng.pick(["สำนักงานจังหวัด", "กลุ่มงานข้อมูลสารสนเทศและการสื่อสาร สำนักงานจังหวัด"])}${p}`),
    P("**๑. หลักการและเหตุผล**".replace("๑", num(1, d)), { before: 4 }),
    body(
      `รัฐบาลได้กำหนดนโยบายการพัฒนาประเทศไทยสู่[[รัฐบาลดิจิทัล (Digital Government)]] โดยมุ่งเน้นการนำเทคโนโลยีดิจิทัลมาใช้ในการบริหารงานและการให้บริการประชาชน จังหวัด${p}จึงได้จัดทำแผนปฏิบัติการดิจิทัลเพื่อเป็นกรอบแนวทางในการพัฒนาให้สอดคล้องกับ[[แผนพัฒนารัฐบาลดิจิทัลของประเทศไทย]]และแผนพัฒนาจังหวัด`,
    ),
    P("**๒. วิสัยทัศน์**".replace("๒", num(2, d)), { before: 3 }),
    body(`“${alt(ctx, ["[[จังหวัดดิจิทัล บริการทันสมัย ประชาชนเข้าถึงได้ทุกที่ทุกเวลา]]", "[[เมืองน่าอยู่ด้วยเทคโนโลยีดิจิทัล ขับเคลื่อนเศรษฐกิจอย่างยั่งยืน]]", "[[ศูนย์กลางบริการดิจิทัลที่ประชาชนไว้วางใจ]]"])}”`),
    P("**๓. ยุทธศาสตร์และโครงการ**".replace("๓", num(3, d)), { before: 3, keepNext: true }),
  ];
  const nStrat = pagesHint === "long" ? rng.int(3, 5) : 2;
  const strategies = rng.sample(STRATEGIES, nStrat);
  const projects = rng.shuffle(PROJECTS);
  let pi = 0;
  strategies.forEach((s, si) => {
    blocks.push(P(`**${s.replace("{n}", num(si + 1, d))}**`, { left: 10, before: 3, keepNext: true }));
    blocks.push(
      body(
        rng.pick([
          `มีเป้าหมายเพื่อ[[เพิ่มจำนวนบริการภาครัฐที่ประชาชนเข้าถึงได้ผ่านช่องทางดิจิทัล]] และลดระยะเวลาการให้บริการลงไม่น้อยกว่าร้อยละ ${num(rng.int(20, 50), d)}`,
          `มุ่งเน้น[[การใช้ข้อมูลเป็นฐานในการตัดสินใจของผู้บริหาร]] โดยบูรณาการข้อมูลจากทุกหน่วยงานในจังหวัด`,
          `มุ่งเน้นให้หน่วยงานมี[[ระบบสารสนเทศที่มั่นคงปลอดภัยและพร้อมใช้งาน]]อย่างต่อเนื่อง`,
          `ส่งเสริมให้บุคลากรและประชาชนมี[[ทักษะดิจิทัลที่จำเป็น]]ต่อการดำเนินชีวิตและการประกอบอาชีพ`,
        ]),
      ),
    );
    const nProj = pagesHint === "long" ? rng.int(3, 5) : 2;
    const rows: Inline[][][] = [];
    for (let k = 0; k < nProj; k++) {
      const proj = projects[pi++ % projects.length] ?? "";
      const key = rng.chance(0.35);
      rows.push([
        [{ text: num(k + 1, d) }],
        key ? [{ text: proj, key: true }] : [{ text: proj }],
        [{ text: num(`${rng.int(1, 25)},${rng.int(100, 999)},000`, d) }],
        [{ text: agency(rng.pick(AGENCIES), ctx.province).replace("สำนักงาน", "สนง.") }],
        [{ text: rng.pick(["ร้อยละของบริการที่ให้บริการผ่านระบบดิจิทัล", "จำนวนชุดข้อมูลที่เปิดเผย", "จำนวนบุคลากรที่ผ่านการอบรม", "ระดับความพึงพอใจของผู้รับบริการ", "จำนวนหน่วยงานที่เชื่อมโยงข้อมูล"]) }],
      ]);
    }
    blocks.push({
      t: "table",
      head: ["ที่", "โครงการ", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ", "ตัวชี้วัด"],
      widths: [0.06, 0.36, 0.15, 0.21, 0.22],
      rows,
      shade: shade(ctx),
      band: rng.chance(0.3) ? [245, 245, 245] : null,
      size: 14,
      before: 2,
    });
  });
  blocks.push(P(`**${num(4, d)}. การติดตามและประเมินผล**`, { before: 3, keepNext: true }));
  blocks.push(
    body(
      `ให้หน่วยงานรับผิดชอบโครงการ[[รายงานผลการดำเนินงานเป็นรายไตรมาส]]ต่อคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด ผ่านระบบติดตามผลของจังหวัด ภายในวันที่ ${num(10, d)} ของเดือนถัดไป`,
    ),
  );
  if (pagesHint === "long") {
    blocks.push(
      body(
        `ทั้งนี้ ฝ่ายเลขานุการจะ[[สรุปผลการดำเนินงานตามแผนเสนอผู้ว่าราชการจังหวัด]]ทุกสิ้นปีงบประมาณ เพื่อใช้ประกอบการทบทวนแผนในปีถัดไป`,
      ),
    );
  }
  const g = governor(ctx);
  blocks.push(signBlock(ctx, [g.name, g.title], rng.chance(0.4), "(ลงชื่อ)"));
  return docBase(ctx, id, "digital-plan", title, blocks);
}

// ---------------------------------------------------------------------------------------------------------------
// ISO/IEC 27001 / NIST CSF (English mixed with Thai)

const ISO_CONTROLS: readonly [string, string, string][] = [
  ["A.5.1", "Policies for information security", "จัดทำนโยบายความมั่นคงปลอดภัยสารสนเทศและทบทวนทุกปี"],
  ["A.5.9", "Inventory of information and other associated assets", "จัดทำทะเบียนทรัพย์สินสารสนเทศของหน่วยงาน"],
  ["A.5.15", "Access control", "กำหนดสิทธิการเข้าถึงระบบตามหน้าที่ความรับผิดชอบ"],
  ["A.5.24", "Information security incident management planning and preparation", "จัดทำแผนรับมือภัยคุกคามทางไซเบอร์"],
  ["A.5.30", "ICT readiness for business continuity", "ทดสอบแผนความต่อเนื่องทางธุรกิจปีละครั้ง"],
  ["A.6.3", "Information security awareness, education and training", "อบรมสร้างความตระหนักแก่บุคลากรทุกระดับ"],
  ["A.8.7", "Protection against malware", "ติดตั้งและปรับปรุงโปรแกรมป้องกันมัลแวร์"],
  ["A.8.13", "Information backup", "สำรองข้อมูลตามรอบและทดสอบการกู้คืน"],
  ["A.8.15", "Logging", "จัดเก็บข้อมูลจราจรทางคอมพิวเตอร์ไม่น้อยกว่า ๙๐ วัน"],
  ["A.8.24", "Use of cryptography", "เข้ารหัสข้อมูลสำคัญระหว่างการรับส่ง"],
];

const NIST: readonly [string, string][] = [
  ["GOVERN (GV)", "The organization's cybersecurity risk management strategy, expectations, and policy are established, communicated, and monitored."],
  ["IDENTIFY (ID)", "The organization's current cybersecurity risks are understood."],
  ["PROTECT (PR)", "Safeguards to manage the organization's cybersecurity risks are used."],
  ["DETECT (DE)", "Possible cybersecurity attacks and compromises are found and analyzed."],
  ["RESPOND (RS)", "Actions regarding a detected cybersecurity incident are taken."],
  ["RECOVER (RC)", "Assets and operations affected by a cybersecurity incident are restored."],
];

export function securityPolicy(ctx: Ctx, id: string): Doc {
  const { rng } = ctx;
  const p = ctx.province.name;
  const d = ctx.thaiDigits;
  const useNist = ctx.split === "heldout" ? rng.chance(0.7) : rng.chance(0.4);
  const title = useNist
    ? `แนวปฏิบัติการรักษาความมั่นคงปลอดภัยไซเบอร์ตามกรอบ NIST Cybersecurity Framework 2.0 จังหวัด${p}`
    : `นโยบายและแนวปฏิบัติในการรักษาความมั่นคงปลอดภัยด้านสารสนเทศ ตามมาตรฐาน ISO/IEC 27001:2022`;
  const blocks: Block[] = [
    { t: "logo", align: "left", variant: rng.int(0, 3), caption: `สำนักงานจังหวัด${p}` },
    centre(`**${title}**`, { size: 17, before: 2 }),
    body(
      useNist
        ? `จังหวัด${p}ได้นำ[[NIST Cybersecurity Framework (CSF) 2.0]] มาใช้เป็นกรอบในการบริหารความเสี่ยงด้านไซเบอร์ โดยแบ่งการดำเนินงานออกเป็น ${num(6, d)} ฟังก์ชันหลัก (Functions) ดังนี้`
        : `เพื่อให้ระบบสารสนเทศของจังหวัด${p}มีความมั่นคงปลอดภัย จังหวัดได้กำหนด[[มาตรการควบคุมตามภาคผนวก ก ของมาตรฐาน ISO/IEC 27001:2022]] (Annex A controls) ให้หน่วยงานในสังกัดถือปฏิบัติ ดังนี้`,
    ),
  ];
  if (useNist) {
    const rows = NIST.map(([f, desc]) => {
      const key = rng.chance(0.4);
      return [[{ text: f, bold: true }], key ? [{ text: desc, key: true }] : [{ text: desc }]];
    });
    blocks.push({ t: "table", head: ["Function", "Description"], widths: [0.26, 0.74], rows, shade: shade(ctx), size: 14, before: 2 });
    blocks.push(
      body(
        `ตัวอย่างผลลัพธ์ (Outcomes) ที่จังหวัดต้องดำเนินการ ได้แก่ [[ID.AM-01: Inventories of hardware managed by the organization are maintained]] และ PR.AA-01: Identities and credentials for authorized users, services, and hardware are managed by the organization`,
      ),
    );
    blocks.push(
      body(`ให้หน่วยงาน[[ประเมินระดับการดำเนินงาน (Tier) ของตนเอง]]และจัดทำ Target Profile ภายในไตรมาสที่ ${num(rng.int(2, 4), d)} ของปีงบประมาณ`),
    );
  } else {
    const chosen = rng.sample(ISO_CONTROLS, rng.int(6, 8));
    const rows = chosen.map(([c, en, tha]) => {
      const key = rng.chance(0.3);
      return [[{ text: c }], key ? [{ text: en, key: true }] : [{ text: en }], [{ text: ctx.thaiDigits ? tha : tha.replace("๙๐", "90") }]];
    });
    blocks.push({
      t: "table",
      head: ["Control", "Title (ISO/IEC 27001:2022)", "การดำเนินการของจังหวัด"],
      widths: [0.12, 0.44, 0.44],
      rows,
      shade: shade(ctx),
      size: 14,
      before: 2,
    });
    blocks.push(
      body(
        `The Provincial Office shall [[review the information security policy at planned intervals]] and whenever significant changes occur. ให้ผู้ดูแลระบบของทุกหน่วยงาน[[รายงานเหตุการณ์ความมั่นคงปลอดภัยภายใน ${num(24, d)} ชั่วโมง]]`,
      ),
    );
  }
  blocks.push(
    body(
      `ทั้งนี้ ให้สอดคล้องกับพระราชบัญญัติการรักษาความมั่นคงปลอดภัยไซเบอร์ พ.ศ. ${num(2562, d)} และ[[ประกาศคณะกรรมการการรักษาความมั่นคงปลอดภัยไซเบอร์แห่งชาติ]]ที่เกี่ยวข้อง`,
    ),
  );
  const g = governor(ctx);
  blocks.push(signBlock(ctx, [g.name, g.title], rng.chance(0.5)));
  return docBase(ctx, id, useNist ? "nist-csf" : "iso27001", title, blocks);
}

export type DocBuilder = (ctx: Ctx, id: string) => Doc;

export const BUILDERS: Record<string, DocBuilder> = {
  "pcio-order": pcioOrder,
  "data-governance-order": dataGovOrder,
  "pdpa-notice": pdpaNotice,
  minutes: (c, id) => minutes(c, id, "long"),
  "minutes-short": (c, id) => minutes(c, id, "short"),
  "digital-plan": (c, id) => digitalPlan(c, id, "long"),
  "digital-plan-short": (c, id) => digitalPlan(c, id, "short"),
  "security-policy": securityPolicy,
};

// ---------------------------------------------------------------------------------------------------------------
// Web page (for screenshots): a news item on the provincial website

export function webArticle(ctx: Ctx, id: string): Doc {
  const { rng } = ctx;
  const p = ctx.province.name;
  const d = ctx.thaiDigits;
  const date = formatDate(randomDate(rng, rng.pick([2566, 2567])), rng.pick(["abbr", "full"] as const), d);
  const topic = rng.int(0, 2);
  const title = [
    `จังหวัด${p}จัดประชุมคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด ครั้งที่ ${num(1, d)}/${num(2567, d)}`,
    `ประกาศจังหวัด${p} เรื่อง นโยบายคุ้มครองข้อมูลส่วนบุคคล`,
    `เผยแพร่แผนปฏิบัติการดิจิทัลจังหวัด${p} ประจำปีงบประมาณ พ.ศ. ${num(2567, d)}`,
  ][topic] as string;
  const paras: string[][] = [
    [
      `วันที่ ${date} ${rng.pick(["นาย", "นาง"])}${rng.pick(["ชัยวัฒน์", "สุภาพร", "ประเสริฐ", "ดวงใจ"])} ${rng.pick(["ศรีสุข", "บุญมา", "ทองคำ"])} รองผู้ว่าราชการจังหวัด${p} เป็นประธาน[[การประชุมคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด (PCIO)]] ณ ห้องประชุมศาลากลางจังหวัด`,
      `ที่ประชุมได้พิจารณา[[ผลการสำรวจความพร้อมรัฐบาลดิจิทัล]]ของหน่วยงานในจังหวัด และ[[ให้ความเห็นชอบร่างแผนปฏิบัติการดิจิทัลของจังหวัด]] เพื่อใช้เป็นกรอบการดำเนินงานในปีงบประมาณถัดไป`,
      `ทั้งนี้ ประธานได้กำชับให้ทุกหน่วยงาน[[เร่งรัดการใช้ระบบสารบรรณอิเล็กทรอนิกส์]] และรายงานผลการดำเนินงานให้จังหวัดทราบทุกเดือน`,
    ],
    [
      `จังหวัด${p}ได้ประกาศ[[นโยบายคุ้มครองข้อมูลส่วนบุคคล]] เพื่อให้การเก็บรวบรวม ใช้ หรือเปิดเผยข้อมูลส่วนบุคคลของผู้รับบริการเป็นไปตาม[[พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. ๒๕๖๒]]`,
      `ผู้รับบริการสามารถใช้สิทธิของเจ้าของข้อมูลส่วนบุคคล เช่น สิทธิขอเข้าถึง สิทธิขอแก้ไข และ[[สิทธิขอให้ลบหรือทำลายข้อมูล]] โดยติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO) ของจังหวัด`,
      `ดาวน์โหลดประกาศฉบับเต็มได้ที่เมนู “ข้อมูลสาธารณะ” หรือ[[สแกน QR Code ท้ายประกาศ]]`,
    ],
    [
      `จังหวัด${p}ได้[[จัดทำแผนปฏิบัติการดิจิทัลของจังหวัด]] ประกอบด้วย ${num(4, d)} ยุทธศาสตร์ ${num(rng.int(18, 36), d)} โครงการ โดยมุ่งเน้น[[การให้บริการประชาชนผ่านช่องทางดิจิทัล]]`,
      `แผนดังกล่าวผ่าน[[ความเห็นชอบจากคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด]]แล้ว เมื่อวันที่ ${date}`,
      `หน่วยงานที่เกี่ยวข้องสามารถดาวน์โหลดแผนฉบับเต็มได้ที่เว็บไซต์ของจังหวัด และ[[รายงานผลการดำเนินงานทุกไตรมาส]]`,
    ],
  ];
  const blocks: Block[] = [
    P(`**${title}**`, { size: 17 }),
    P(`เผยแพร่เมื่อ ${date}  |  ผู้เข้าชม ${num(rng.int(120, 4800), d)} ครั้ง`, { size: 11, before: 2 }),
    ...(paras[topic] ?? []).map((t) => P(fill(ctx, t).replace("๒๕๖๒", num(2562, d)), { before: 4, indent: 8 })),
    P(`สำหรับผู้ที่สนใจสามารถติดตามข่าวสารเพิ่มเติมได้ทางเพจ Facebook และ[[LINE Official Account ของจังหวัด${p}]] หรือสอบถามได้ที่ศูนย์ดำรงธรรมจังหวัด โทร. ${num(1567, d)}`, { before: 4, indent: 8 }),
    P(`ข่าว: กลุ่มงานข้อมูลสารสนเทศและการสื่อสาร สำนักงานจังหวัด${p} / ภาพ: สำนักงานประชาสัมพันธ์จังหวัด`, { before: 4, size: 11 }),
    P("**ข่าวที่เกี่ยวข้อง**", { before: 6 }),
    ...rng
      .sample(
        [
          "จังหวัดจัดอบรมเชิงปฏิบัติการการใช้ระบบสารบรรณอิเล็กทรอนิกส์ให้แก่เจ้าหน้าที่",
          `ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปี ${num(2566, d)}`,
          "ขอเชิญชวนประชาชนตอบแบบสำรวจความพึงพอใจการให้บริการผ่านช่องทางดิจิทัล",
          "ประชาสัมพันธ์ช่องทางการแจ้งเรื่องร้องเรียนผ่านแอปพลิเคชัน Traffy Fondue",
          "การประชุมคณะทำงานธรรมาภิบาลข้อมูลจังหวัด ครั้งที่ ๒",
        ],
        3,
      )
      .map((t) => P(`• ${t}`, { before: 2, left: 4 })),
  ];
  return { ...docBase(ctx, id, "web-news", title, blocks), pageNumbers: "none", leading: 1.55, size: 13 };
}
