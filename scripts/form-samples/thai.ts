/**
 * Thai text for the samples: the agencies of one province (Chiang Mai), people, and the small formatting habits
 * of real returns (Thai digits, Buddhist-era dates, zero-width spaces, sara am typed as nikhahit + sara aa).
 */
import type { Rng } from "./prng.js";

export const PROVINCE = "เชียงใหม่";

export interface Agency {
  /** Short key used in file names and truth. */
  key: string;
  name: string;
  /** Address text typed after the agency name in "ที่ตั้งหน่วยงาน". */
  address: string;
  provincialOffice: boolean;
  /** Mail domain of the agency (ministry). */
  domain: string;
  /** Web site of the agency. */
  site: string;
}

const CITY_HALL = "ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา ตำบลช้างเผือก อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50300";

export const AGENCIES: Agency[] = [
  { key: "provincial-office", name: "สำนักงานจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: true, domain: "chiangmai.go.th", site: "https://www.chiangmai.go.th" },
  { key: "statistics", name: "สำนักงานสถิติจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "nso.go.th", site: "https://chiangmai.nso.go.th" },
  { key: "administration", name: "ที่ทำการปกครองจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "dopa.go.th", site: "https://www.chiangmai.go.th/dopa" },
  { key: "social-development", name: "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "m-society.go.th", site: "https://chiangmai.m-society.go.th" },
  { key: "commerce", name: "สำนักงานพาณิชย์จังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "moc.go.th", site: "https://www.moc.go.th/chiangmai" },
  { key: "agriculture", name: "สำนักงานเกษตรจังหวัดเชียงใหม่", address: "ศูนย์ราชการจังหวัดเชียงใหม่ ถนนโชตนา ตำบลช้างเผือก อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50300", provincialOffice: false, domain: "doae.go.th", site: "https://chiangmai.doae.go.th" },
  { key: "public-health", name: "สำนักงานสาธารณสุขจังหวัดเชียงใหม่", address: "10 ถนนสุเทพ ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200", provincialOffice: false, domain: "moph.go.th", site: "https://www.chiangmaihealth.go.th" },
  { key: "local-administration", name: "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "dla.go.th", site: "https://www.chiangmailocal.go.th" },
  { key: "labour", name: "สำนักงานแรงงานจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "mol.go.th", site: "https://chiangmai.mol.go.th" },
  { key: "employment", name: "สำนักงานจัดหางานจังหวัดเชียงใหม่", address: "ศูนย์ราชการจังหวัดเชียงใหม่ อาคาร 2 ชั้น 1 ถนนโชตนา อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50300", provincialOffice: false, domain: "doe.go.th", site: "https://www.doe.go.th/chiangmai" },
  { key: "public-relations", name: "สำนักงานประชาสัมพันธ์จังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "prd.go.th", site: "https://chiangmai.prd.go.th" },
  { key: "treasury", name: "สำนักงานคลังจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "cgd.go.th", site: "https://www.cgd.go.th/chiangmai" },
  { key: "environment", name: "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดเชียงใหม่", address: "ศูนย์ราชการจังหวัดเชียงใหม่ ถนนโชตนา ตำบลช้างเผือก อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50300", provincialOffice: false, domain: "mnre.go.th", site: "https://chiangmai.mnre.go.th" },
  { key: "tourism-sports", name: "สำนักงานการท่องเที่ยวและกีฬาจังหวัดเชียงใหม่", address: "ถนนสุเทพ ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200", provincialOffice: false, domain: "mots.go.th", site: "https://chiangmai.mots.go.th" },
  { key: "culture", name: "สำนักงานวัฒนธรรมจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "m-culture.go.th", site: "https://www.m-culture.go.th/chiangmai" },
  { key: "energy", name: "สำนักงานพลังงานจังหวัดเชียงใหม่", address: "ศูนย์ราชการจังหวัดเชียงใหม่ ถนนโชตนา อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50300", provincialOffice: false, domain: "energy.go.th", site: "https://chiangmai.energy.go.th" },
  { key: "industry", name: "สำนักงานอุตสาหกรรมจังหวัดเชียงใหม่", address: "ศูนย์ราชการจังหวัดเชียงใหม่ ถนนโชตนา ตำบลช้างเผือก อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50300", provincialOffice: false, domain: "industry.go.th", site: "https://chiangmai.industry.go.th" },
  { key: "disaster", name: "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "disaster.go.th", site: "https://chiangmai.disaster.go.th" },
  { key: "education", name: "สำนักงานศึกษาธิการจังหวัดเชียงใหม่", address: "ถนนโชตนา ตำบลช้างเผือก อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50300", provincialOffice: false, domain: "moe.go.th", site: "https://www.chiangmaipeo.go.th" },
  { key: "land", name: "สำนักงานที่ดินจังหวัดเชียงใหม่", address: "ถนนโชตนา ตำบลช้างเผือก อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50300", provincialOffice: false, domain: "dol.go.th", site: "https://www.dol.go.th/chiangmai" },
  { key: "public-works", name: "สำนักงานโยธาธิการและผังเมืองจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "dpt.go.th", site: "https://chiangmai.dpt.go.th" },
  { key: "cooperatives", name: "สำนักงานสหกรณ์จังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "cpd.go.th", site: "https://www.cpd.go.th/chiangmai" },
  { key: "livestock", name: "สำนักงานปศุสัตว์จังหวัดเชียงใหม่", address: "ถนนช้างเผือก ตำบลช้างเผือก อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50300", provincialOffice: false, domain: "dld.go.th", site: "https://pvlo-cmi.dld.go.th" },
  { key: "justice", name: "สำนักงานยุติธรรมจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "moj.go.th", site: "https://www.moj.go.th/chiangmai" },
  { key: "digital-economy", name: "สำนักงานสถิติและดิจิทัลเพื่อเศรษฐกิจและสังคมจังหวัดเชียงใหม่", address: CITY_HALL, provincialOffice: false, domain: "mdes.go.th", site: "https://chiangmai.mdes.go.th" },
];

export const FIRST_NAMES = ["สมชาย", "สุภาพร", "วรวุฒิ", "กนกวรรณ", "ธนพล", "ปิยะนุช", "ณัฐวุฒิ", "อรุณี", "ศิริพร", "เกียรติศักดิ์", "พัชราภรณ์", "จิราพร", "ชยพล", "วิไลวรรณ", "อนุชา", "นภัสสร", "ภูวดล", "รัตนา", "ธีรวัฒน์", "สุนันทา"];
export const LAST_NAMES = ["ใจดี", "ศรีวิชัย", "คำแสน", "ปัญญาวงค์", "อินทร์แก้ว", "บุญเรือง", "กันทะวงศ์", "ไชยมงคล", "สุวรรณรัตน์", "ทิพย์มณี", "จันทร์ต๊ะ", "วงศ์ใหญ่", "มหาวงศ์", "ชัยประเสริฐ", "แก้วมูล", "ธรรมวงศ์"];
export const POSITIONS = [
  "นักวิชาการคอมพิวเตอร์ชำนาญการ",
  "นักวิเคราะห์นโยบายและแผนชำนาญการ",
  "นักวิชาการสถิติชำนาญการพิเศษ",
  "เจ้าพนักงานธุรการชำนาญงาน",
  "นักจัดการงานทั่วไปปฏิบัติการ",
  "นักประชาสัมพันธ์ชำนาญการ",
  "หัวหน้ากลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด",
  "นักวิชาการคอมพิวเตอร์ปฏิบัติการ",
  "เจ้าพนักงานเครื่องคอมพิวเตอร์ชำนาญงาน",
];

const MONTHS_FULL = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];
const MONTHS_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

export function fromThaiDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/**
 * The text a careful reader takes from what is printed: NFC, sara am composed, zero-width characters dropped,
 * whitespace collapsed. Thai digits in free text are kept as typed.
 */
export function readingText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\u0e4d\u0e32/g, "\u0e33")
    .replace(/[\u200b\u200c\u200d\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A typed value: what is in the document, and what the truth file says it means. */
export interface Typed {
  text: string;
  truth: string | number;
}

export function typedNumber(rng: Rng, value: number, decimals = 0): Typed {
  let text = decimals > 0 ? value.toFixed(decimals) : String(value);
  if (decimals > 0 && rng.chance(0.3)) text = text.replace(/0+$/, "").replace(/\.$/, "");
  if (decimals === 0 && value >= 1000 && rng.chance(0.6)) text = value.toLocaleString("en-US");
  if (rng.chance(0.3)) text = toThaiDigits(text);
  return { text, truth: Number(value.toFixed(decimals)) };
}

/** A date typed the Thai way (Buddhist-era year, month in full or abbreviated, sometimes Thai digits). */
export function typedDate(rng: Rng, year: number, month: number, day: number): Typed {
  const be = year + 543;
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const m = month - 1;
  const style = rng.int(0, 4);
  let text: string;
  switch (style) {
    case 0:
      text = `${day} ${MONTHS_ABBR[m]} ${be}`;
      break;
    case 1:
      text = `${day} ${MONTHS_FULL[m]} ${be}`;
      break;
    case 2:
      text = `${day} ${MONTHS_ABBR[m]} ${be % 100}`;
      break;
    case 3:
      text = `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${be}`;
      break;
    default:
      text = `วันที่ ${day} ${MONTHS_FULL[m]} พ.ศ. ${be}`;
      break;
  }
  if (rng.chance(0.35)) text = toThaiDigits(text);
  return { text, truth: iso };
}

export function randomDate(rng: Rng, from: [number, number], to: [number, number]): [number, number, number] {
  const start = from[0] * 12 + from[1] - 1;
  const end = to[0] * 12 + to[1] - 1;
  const ym = rng.int(start, end);
  const year = Math.floor(ym / 12);
  const month = (ym % 12) + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = rng.chance(0.4) ? days : rng.int(1, days);
  return [year, month, day];
}

export function typedPhone(rng: Rng, kind: "office" | "mobile"): Typed {
  const d = (n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join("");
  let text: string;
  if (kind === "office") {
    const rest = `${rng.int(1, 9)}${d(5)}`;
    text = rng.pick([`053-${rest.slice(0, 3)}-${rest.slice(3)}`, `0 53${rest.slice(0, 2)} ${rest.slice(2)}`, `053${rest}`, `053 ${rest}`]);
  } else {
    const rest = d(7);
    const prefix = rng.pick(["081", "082", "086", "089", "095", "061", "063", "098"]);
    text = rng.pick([`${prefix}-${rest.slice(0, 3)}-${rest.slice(3)}`, `${prefix}${rest}`, `${prefix} ${rest.slice(0, 3)} ${rest.slice(3)}`]);
  }
  if (rng.chance(0.3)) text = toThaiDigits(text);
  return { text, truth: fromThaiDigits(text) };
}

/** Boundaries between Thai grapheme clusters (never before a combining mark). */
export function clusterBoundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const combining = c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);
    const low = c >= 0xdc00 && c <= 0xdfff;
    if (!combining && !low) out.push(i);
  }
  return out;
}

/** Zero-width spaces at a few cluster boundaries inside Thai text (as some editors and web copies leave them). */
export function sprinkleZwsp(rng: Rng, text: string, count = 2): string {
  const thai = clusterBoundaries(text).filter((i) => /[\u0e00-\u0e7f]/.test(text[i - 1]!) && /[\u0e00-\u0e7f]/.test(text[i]!));
  const at = new Set(rng.sample(thai, count));
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (at.has(i)) out += "\u200b";
    out += text[i];
  }
  return out;
}

/** Sara am typed as nikhahit + sara aa (what OCR and some keyboards produce). */
export function decomposeSaraAm(text: string): string {
  return text.replace(/\u0e33/g, "\u0e4d\u0e32");
}

/** Tone mark typed before a below vowel (ผ ้ ู instead of ผ ู ้): a non-canonical order NFC puts right. */
export function swapMarks(text: string): string {
  return text.replace(/([\u0e38\u0e39])([\u0e48-\u0e4b])/g, "$2$1");
}
