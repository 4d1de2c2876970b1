// Thai-language helpers and name banks for the sample documents.
import type { Rng } from "./prng.js";

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

/** Replace ASCII digits by Thai digits (๐–๙). */
export function th(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)] ?? d);
}

/** Digits as the document writes them: Thai digits or Arabic digits. */
export function num(value: string | number, thaiDigits: boolean): string {
  return thaiDigits ? th(value) : String(value);
}

export const MONTHS_FULL = [
  "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
  "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
] as const;
export const MONTHS_ABBR = [
  "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
] as const;

export interface ThaiDate {
  day: number;
  month: number; // 1–12
  yearBE: number;
}

export type DateStyle = "full" | "full-pos" | "abbr" | "abbr-short-year";

/** ๑๕ มีนาคม ๒๕๖๖ / ๑๕ มีนาคม พ.ศ. ๒๕๖๖ / ๑๕ มี.ค. ๒๕๖๖ / ๑๕ มี.ค. ๖๖ */
export function formatDate(d: ThaiDate, style: DateStyle, thaiDigits: boolean): string {
  const day = num(d.day, thaiDigits);
  const m = d.month - 1;
  switch (style) {
    case "full":
      return `${day} ${MONTHS_FULL[m]} ${num(d.yearBE, thaiDigits)}`;
    case "full-pos":
      return `${day} ${MONTHS_FULL[m]} พ.ศ. ${num(d.yearBE, thaiDigits)}`;
    case "abbr":
      return `${day} ${MONTHS_ABBR[m]} ${num(d.yearBE, thaiDigits)}`;
    case "abbr-short-year":
      return `${day} ${MONTHS_ABBR[m]} ${num(d.yearBE % 100, thaiDigits)}`;
  }
}

export function randomDate(rng: Rng, yearBE: number, months?: readonly number[]): ThaiDate {
  const month = months ? rng.pick(months) : rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : 30);
  return { day, month, yearBE };
}

export interface Province {
  name: string;
  abbr: string;
  en: string;
}

/** Provinces used by the tuning set and by the held-out set never overlap. */
export const PROVINCES_TUNE: readonly Province[] = [
  { name: "เชียงใหม่", abbr: "ชม", en: "chiangmai" },
  { name: "ขอนแก่น", abbr: "ขก", en: "khonkaen" },
  { name: "นครราชสีมา", abbr: "นม", en: "nakhonratchasima" },
  { name: "สงขลา", abbr: "สข", en: "songkhla" },
  { name: "พิษณุโลก", abbr: "พล", en: "phitsanulok" },
  { name: "อุบลราชธานี", abbr: "อบ", en: "ubonratchathani" },
  { name: "ชลบุรี", abbr: "ชบ", en: "chonburi" },
  { name: "สุราษฎร์ธานี", abbr: "สฎ", en: "suratthani" },
  { name: "ลำปาง", abbr: "ลป", en: "lampang" },
  { name: "นครศรีธรรมราช", abbr: "นศ", en: "nakhonsithammarat" },
  { name: "ร้อยเอ็ด", abbr: "รอ", en: "roiet" },
  { name: "กาญจนบุรี", abbr: "กจ", en: "kanchanaburi" },
];
export const PROVINCES_HELDOUT: readonly Province[] = [
  { name: "เชียงราย", abbr: "ชร", en: "chiangrai" },
  { name: "อุดรธานี", abbr: "อด", en: "udonthani" },
  { name: "ภูเก็ต", abbr: "ภก", en: "phuket" },
  { name: "น่าน", abbr: "นน", en: "nan" },
  { name: "ศรีสะเกษ", abbr: "ศก", en: "sisaket" },
  { name: "ตรัง", abbr: "ตง", en: "trang" },
  { name: "พระนครศรีอยุธยา", abbr: "อย", en: "ayutthaya" },
  { name: "แม่ฮ่องสอน", abbr: "มส", en: "maehongson" },
];

const FIRST_M = ["สมชาย", "วิชัย", "ประเสริฐ", "ธนากร", "สุรศักดิ์", "ณัฐพล", "กิตติพงษ์", "อนุวัฒน์", "ชัยวัฒน์", "พงศ์ศักดิ์", "ไพโรจน์", "ศุภชัย", "ธีระยุทธ", "เกรียงไกร", "ปิยะพงษ์", "วรวุฒิ"];
const FIRST_F = ["สุภาพร", "กนกวรรณ", "วิไลวรรณ", "ศิริพร", "ปวีณา", "นันทนา", "จิราพร", "รัตนาภรณ์", "พัชรินทร์", "อรุณี", "ณัฐธิดา", "ดวงใจ", "กัญญารัตน์", "สุดารัตน์"];
const LAST = ["ใจดี", "ศรีสุข", "วงศ์สวัสดิ์", "บุญมา", "แก้วประเสริฐ", "ทองคำ", "สุขสมบูรณ์", "พรหมวงศ์", "จันทร์เพ็ญ", "รัตนพันธ์", "ชัยมงคล", "ศักดิ์สิทธิ์", "นาคสวัสดิ์", "อินทร์แก้ว", "เพชรรัตน์", "ปัญญาวงศ์", "สิทธิโชค", "คำภีระ"];

export interface Person {
  title: string;
  first: string;
  last: string;
}

export function randomPerson(rng: Rng): Person {
  const male = rng.chance(0.55);
  const title = male ? "นาย" : rng.pick(["นาง", "นางสาว"]);
  return { title, first: rng.pick(male ? FIRST_M : FIRST_F), last: rng.pick(LAST) };
}

export function personName(p: Person): string {
  return `${p.title}${p.first} ${p.last}`;
}

/** Agencies that sit on provincial committees. {p} is replaced by the province name. */
export const AGENCIES = [
  "สำนักงานจังหวัด{p}",
  "ที่ทำการปกครองจังหวัด{p}",
  "สำนักงานสถิติจังหวัด{p}",
  "สำนักงานพัฒนาชุมชนจังหวัด{p}",
  "สำนักงานท้องถิ่นจังหวัด{p}",
  "สำนักงานคลังจังหวัด{p}",
  "สำนักงานสาธารณสุขจังหวัด{p}",
  "สำนักงานพาณิชย์จังหวัด{p}",
  "สำนักงานเกษตรจังหวัด{p}",
  "สำนักงานดิจิทัลเพื่อเศรษฐกิจและสังคมจังหวัด{p}",
  "สำนักงานศึกษาธิการจังหวัด{p}",
  "สำนักงานประชาสัมพันธ์จังหวัด{p}",
  "สำนักงานโยธาธิการและผังเมืองจังหวัด{p}",
  "สำนักงานพลังงานจังหวัด{p}",
] as const;

export function agency(template: string, province: Province): string {
  return template.replace("{p}", province.name);
}
