/**
 * Realistic typed values for every blank of the questionnaire, chosen by field id: reasons, project names and
 * results, URLs on the province's sites, counts (sometimes in Thai digits), Buddhist-era dates.
 */
import type { FieldDef } from "../../src/form/compile.js";
import type { Rng } from "./prng.js";
import { type Agency, randomDate, type Typed, typedDate, typedNumber } from "./thai.js";

const REASONS = [
  "ขาดงบประมาณในการดำเนินการ",
  "อยู่ระหว่างรอแนวทางการดำเนินงานจากกรมต้นสังกัด",
  "บุคลากรด้านเทคโนโลยีสารสนเทศมีไม่เพียงพอ",
  "ไม่อยู่ในภารกิจหลักของหน่วยงาน",
  "กรมต้นสังกัดเป็นผู้ดำเนินการในภาพรวมแล้ว",
  "อยู่ระหว่างการปรับโครงสร้างหน่วยงานภายใน",
  "ยังไม่ได้รับการจัดสรรงบประมาณประจำปี ๒๕๖๗",
  "ใช้ระบบและแนวทางของกรมต้นสังกัดเป็นหลัก",
  "ผู้บริหารยังไม่ได้กำหนดเป็นนโยบายเร่งด่วน",
];

const MEETINGS = [
  "ประชุมครั้งที่ ๑/๒๕๖๗ เมื่อวันที่ ๑๑ มิถุนายน ๒๕๖๗ มีมติเห็นชอบแผนปฏิบัติการด้านดิจิทัลจังหวัดเชียงใหม่",
  "ประชุมครั้งที่ 2/2566 วันที่ 28 ธันวาคม 2566 รับทราบผลการสำรวจความพร้อมรัฐบาลดิจิทัล และมอบหมายทุกหน่วยงานจัดทำชุดข้อมูลเปิด",
  "ที่ประชุมมีมติให้จัดตั้งคณะทำงานขับเคลื่อนการเชื่อมโยงข้อมูลจังหวัด (Data Center จังหวัดเชียงใหม่)",
  "ประชุมเมื่อวันที่ 15 มีนาคม 2567 เห็นชอบการใช้ระบบสารบรรณอิเล็กทรอนิกส์ร่วมกันทุกหน่วยงาน",
];

const PROJECTS: [string, string][] = [
  ["โครงการพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ (e-Saraban) จังหวัดเชียงใหม่", "ลดระยะเวลาการเวียนหนังสือราชการจาก 3 วันเหลือ 1 วัน และลดการใช้กระดาษร้อยละ 60"],
  ["Chiang Mai Smart City Data Platform", "หน่วยงานในจังหวัดเชื่อมโยงข้อมูลร่วมกันได้ 35 ชุดข้อมูล"],
  ["โครงการศูนย์ข้อมูลฝุ่นควัน PM2.5 จังหวัดเชียงใหม่", "แจ้งเตือนค่าฝุ่นผ่าน LINE OA ให้ประชาชนกว่า 120,000 ราย"],
  ["ระบบจองคิวรับบริการออนไลน์ ศูนย์ดำรงธรรมจังหวัดเชียงใหม่", "ลดเวลารอคอยเฉลี่ยจาก 45 นาทีเหลือ 10 นาที"],
  ["ระบบประชุมอิเล็กทรอนิกส์ (e-Meeting) ของจังหวัด", "ลดค่าใช้จ่ายการพิมพ์เอกสารประชุมได้ ๘,๐๐๐ บาทต่อเดือน"],
  ["แผนงานยกระดับทักษะดิจิทัลข้าราชการจังหวัดเชียงใหม่", "ข้าราชการผ่านการอบรมหลักสูตร Digital Literacy จำนวน 420 คน"],
  ["นโยบายยกเลิกการขอสำเนาบัตรประชาชนในการรับบริการ", "ประชาชนไม่ต้องถ่ายสำเนาเอกสาร ลดค่าใช้จ่ายประชาชนได้ปีละกว่า 200,000 บาท"],
  ["ระบบติดตามโครงการพัฒนาจังหวัด (CM Project Tracking)", "ผู้บริหารติดตามผลการเบิกจ่ายได้แบบเวลาจริง"],
];

const OBSTACLES: Record<string, string[]> = {
  i1: ["นโยบายของแต่ละกรมไม่สอดคล้องกัน ทำให้การบูรณาการในระดับจังหวัดทำได้ยาก", "ขาดแผนแม่บทดิจิทัลระดับจังหวัดที่ชัดเจน"],
  i2: ["เจ้าหน้าที่ขาดทักษะด้านการวิเคราะห์ข้อมูล", "บุคลากรสูงอายุไม่คุ้นเคยกับระบบใหม่"],
  i3: ["ประชาชนบางกลุ่มยังไม่คุ้นเคยกับบริการออนไลน์", "บริการหลายรายการยังต้องยื่นเอกสารตัวจริง"],
  i4: ["ระบบของแต่ละหน่วยงานใช้มาตรฐานข้อมูลต่างกัน", "ไม่มี API สำหรับเชื่อมโยงข้อมูลระหว่างหน่วยงาน"],
  i5: ["ขาดอุปกรณ์ Firewall ที่ทันสมัย", "ไม่มีผู้รับผิดชอบด้านความมั่นคงปลอดภัยไซเบอร์โดยตรง"],
  i6: ["อุปกรณ์คอมพิวเตอร์ล้าสมัย", "ขาดความรู้ในการนำเทคโนโลยีใหม่มาประยุกต์ใช้"],
  i7: ["การประสานงานกับหน่วยงานส่วนกลางใช้เวลานาน", "ภาคเอกชนยังมีส่วนร่วมน้อย"],
  i8: ["งบประมาณด้านเทคโนโลยีได้รับการจัดสรรไม่เพียงพอ", "ไม่มีงบประมาณสำหรับค่าบำรุงรักษาระบบ"],
  i9: ["ระเบียบการจัดซื้อจัดจ้างไม่เอื้อต่อการเช่าใช้บริการคลาวด์", "ระเบียบงานสารบรรณยังกำหนดให้ใช้เอกสารกระดาษบางประเภท"],
  i10: ["สัญญาณอินเทอร์เน็ตในพื้นที่อำเภอรอบนอกไม่เสถียร", "ขาดพื้นที่จัดเก็บข้อมูลกลางของจังหวัด"],
};

const SERVICES: [string, string][] = [
  ["ระบบขอใช้ห้องประชุมศาลากลางออนไลน์", "https://www.chiangmai.go.th/booking/"],
  ["ระบบรับเรื่องร้องเรียนออนไลน์ ศูนย์ดำรงธรรม", "https://www.chiangmai.go.th/damrongdhama/complaint"],
  ["ระบบขึ้นทะเบียนผู้ประกอบการ OTOP", "https://otop.chiangmai.go.th/register"],
  ["ระบบแจ้งเหตุสาธารณภัย CM Alert", "https://alert.chiangmai.go.th"],
  ["ระบบตรวจสอบสถานะคำขออนุญาต", "https://eservice.chiangmai.go.th/status"],
  ["ระบบลงทะเบียนอบรมออนไลน์", "https://www.chiangmai.go.th/training/"],
];

const OPEN_USAGES: [string, string, string][] = [
  ["ข้อมูลจำนวนนักท่องเที่ยวรายเดือน จังหวัดเชียงใหม่", "ใช้วางแผนการตลาดท่องเที่ยวและจัดกิจกรรม", "สมาคมโรงแรมไทยภาคเหนือ"],
  ["ข้อมูลคุณภาพอากาศ PM2.5 รายวัน", "ใช้จัดทำแดชบอร์ดแจ้งเตือนสุขภาพ", "สำนักงานสาธารณสุขจังหวัดเชียงใหม่"],
  ["ข้อมูลราคาสินค้าเกษตรรายสัปดาห์", "ใช้ประกอบการตัดสินใจเพาะปลูก", "ประชาชนทั่วไป/เกษตรกร"],
  ["ข้อมูลที่ตั้งสถานพยาบาลในจังหวัด", "ใช้ทำแผนที่บริการสุขภาพ", "มหาวิทยาลัยเชียงใหม่"],
  ["ข้อมูลจำนวนผู้สูงอายุรายอำเภอ", "ใช้วางแผนจัดสวัสดิการ", "องค์กรปกครองส่วนท้องถิ่น"],
];

const OPEN_DATASETS: [string, string][] = [
  ["ข้อมูลจุดให้บริการ Free Wi-Fi ในจังหวัดเชียงใหม่", "https://data.chiangmai.go.th/dataset/free-wifi"],
  ["ข้อมูลสถิติการเกิดอุบัติเหตุทางถนน", "https://data.chiangmai.go.th/dataset/road-accident"],
  ["ข้อมูลแหล่งท่องเที่ยวชุมชน", "https://gdcatalog.go.th/dataset/chiangmai-community-tourism"],
  ["ข้อมูลจุดความร้อน (Hotspot) รายวัน", "https://data.chiangmai.go.th/dataset/hotspot"],
  ["ข้อมูลร้านค้าธงฟ้าประชารัฐ", "https://data.go.th/dataset/thongfah-chiangmai"],
];

const CHANNEL_DETAIL: Record<string, string[]> = {
  email: ["saraban@chiangmai.go.th", "ร้องเรียนผ่าน e-mail: complaint.cmi@gmail.com", "info@chiangmai.go.th"],
  line: ["LINE OA @chiangmaiprovince", "@cmstat", "กลุ่ม LINE เครือข่ายประชาชนจังหวัดเชียงใหม่"],
  social: ["Facebook: ประชาสัมพันธ์จังหวัดเชียงใหม่", "https://www.facebook.com/ChiangMaiProvince", "Facebook Live และ YouTube"],
  other: ["แบบสอบถามออนไลน์ Google Forms", "ระบบ Traffy Fondue", "เว็บบอร์ดรับฟังความคิดเห็น"],
};

const TECH_PROCESSES: Record<string, string[]> = {
  "P7.1.1": ["ใช้ ChatGPT ช่วยร่างหนังสือราชการ", "Chatbot ตอบคำถามประชาชนบน LINE OA", "สรุปรายงานการประชุมด้วย AI", "แปลงเอกสารสแกนเป็นข้อความ (OCR)"],
  "P7.1.2": ["RPA ดึงข้อมูลการเบิกจ่ายจากระบบ GFMIS", "หุ่นยนต์บริการต้อนรับที่ศูนย์ดำรงธรรม", "ระบบอัตโนมัติส่งหนังสือเวียน"],
  "P7.1.3": ["ระบบออกใบรับรองการอบรมบน Blockchain", "ทดลองจัดเก็บหลักฐานการรับเรื่องร้องเรียน"],
  "P7.1.4": ["ประชุมออนไลน์ผ่านเครือข่าย 5G ในพื้นที่ห่างไกล", "กล้อง CCTV ส่งภาพผ่านเครือข่าย 5G"],
  "P7.1.5": ["เซ็นเซอร์วัดฝุ่น PM2.5 ทุกอำเภอ", "ใช้โดรนสำรวจพื้นที่เผาไหม้", "ระบบ Barcode ตรวจนับพัสดุ"],
  "P7.1.6": ["สำรองข้อมูลบน Government Data Center and Cloud (GDCC)", "ใช้ Google Drive จัดเก็บเอกสารร่วมกัน", "ย้ายเว็บไซต์หน่วยงานขึ้น Cloud"],
  "P7.1.7": ["นิทรรศการเสมือนจริง (VR) แหล่งท่องเที่ยว", "ศูนย์บริการภาครัฐเสมือน"],
  "P7.1.8": ["แดชบอร์ดสถิติจังหวัดด้วย Power BI", "วิเคราะห์ข้อมูลนักท่องเที่ยวด้วย Python", "Looker Studio ติดตามผลการเบิกจ่าย"],
  "P7.1.9": ["เข้ารหัสข้อมูลส่วนบุคคลในฐานข้อมูล", "ระบบเฝ้าระวังภัยคุกคาม (SOC)"],
  "P7.1.10": ["ระบบสารสนเทศภูมิศาสตร์ (GIS) ด้านการเกษตร", "ภาพถ่ายดาวเทียมติดตามพื้นที่เผาไหม้", "ระบบการแพทย์ทางไกล (Telemedicine)"],
};

const TECH_DETAIL: Record<string, string[]> = {
  "P7.1.8": ["Power BI, Google Looker Studio", "Python และ Tableau", "Power BI"],
  "P7.1.9": ["Next-Generation Firewall และระบบ SIEM", "ระบบเข้ารหัสข้อมูล (Encryption)"],
  "P7.1.10": ["ระบบสารสนเทศภูมิศาสตร์ (GIS)", "ระบบ Telemedicine ของโรงพยาบาลชุมชน"],
};

const NEW_TECH = ["Generative AI (ChatGPT)", "Digital Twin", "Drone สำรวจพื้นที่", "Internet of Things", "Low-code Platform", "Metaverse"];

const EVIDENCE = ["เอกสารแนบหมายเลข ๕", "ตามเอกสารแนบ", "ภาคผนวก ข", "เอกสารแนบ 3 (รายงานผลโครงการ)", "ภาพถ่ายการใช้งานระบบ (แนบท้าย)"];

const GENERIC_DETAIL = ["ระบบ e-Office ของจังหวัด", "ตามเอกสารแนบ", "อยู่ระหว่างการทดลองใช้", "ดำเนินการร่วมกับมหาวิทยาลัยเชียงใหม่"];

const BY_ID: [RegExp, string[]][] = [
  [/^P5\.1:systems\.r\d+\.detail$/, ["งานบริหารความเสี่ยง", "งานควบคุมภายใน", "งานรับเรื่องร้องเรียน", "งานประชาสัมพันธ์"]],
  [/^P5\.2:no\.other\.detail$/, ["ระบบของกรมต้นสังกัดครอบคลุมแล้ว", "อยู่ระหว่างศึกษาความเหมาะสม"]],
  [/^P5\.2:yes\.other\.detail$/, ["ด้านการประชาสัมพันธ์ ใช้ระบบตั้งเวลาเผยแพร่ข่าวอัตโนมัติ", "ด้านงานสารบรรณ ใช้ลายมือชื่ออิเล็กทรอนิกส์"]],
  [/^P5\.2\.1:yes\.other\.detail$/, ["ความพึงพอใจของผู้รับบริการเพิ่มขึ้น", "ลดข้อผิดพลาดในการบันทึกข้อมูล"]],
  [/^P5\.3:i5\.system_name$/, ["CM-Connect", "ระบบ e-Office จังหวัดเชียงใหม่", "Chiang Mai Work Space"]],
  [/^P5\.3:i6\.detail$/, ["LINE Official Account, Discord", "Microsoft Teams (บัญชีฟรี), LINE", "Nextcloud ของจังหวัด"]],
  [/^P5\.3\.1:yes\.other\.detail$/, ["ระบบลงเวลาปฏิบัติงานผ่าน LINE", "ระบบ VPN ของกรมต้นสังกัด"]],
  [/\.a1_3\.system$|\.b1_3\.system$|\.c1_3\.system$/, ["Cloud ของกรมต้นสังกัด (MOI Cloud)", "NT Cloud", "Microsoft Azure", "เครือข่าย MPLS ของ บริษัท โทรคมนาคมแห่งชาติ"]],
  [/\.a1_4\.detail$|\.b1_4\.detail$|\.c1_4\.detail$/, ["อยู่ระหว่างรอการจัดสรรจาก สพร.", "ยังไม่มีความจำเป็นต้องใช้"]],
  [/^P6\.1:d\.detail$/, ["ระบบ GFMIS Terminal", "ระบบ Digital ID (ThaID)", "ระบบ e-GP"]],
  [/^P6\.2\.1:yes\.i2_8\.detail$/, ["นโยบายและแนวปฏิบัติในการรักษาความมั่นคงปลอดภัยด้านสารสนเทศของจังหวัดเชียงใหม่ พ.ศ. ๒๕๖๖", "แนวปฏิบัติการรักษาความมั่นคงปลอดภัยสารสนเทศของกระทรวงมหาดไทย"]],
  [/^P6\.2\.1:yes\.i2_10\.detail$/, ["ประมวลแนวทางปฏิบัติของ สกมช.", "มาตรฐาน ISO/IEC 27701"]],
  [/^P4\.2\.3:yes\.detail$/, ["ปรับปรุงขั้นตอนการยื่นคำขอให้สั้นลง", "เพิ่มช่องทางชำระค่าธรรมเนียมผ่าน QR Code", "ปรับหน้าจอระบบให้รองรับโทรศัพท์มือถือ"]],
  [/^P4\.3:yes\.other\.detail$/, ["ใช้ข้อมูลจาก Smart Card Reader แทนสำเนาบัตร", "ขอความร่วมมือผ่านที่ประชุมหัวหน้าส่วนราชการ"]],
  [/^P4\.4:yes\.i7\.detail$/, ["ร่วมกับมหาวิทยาลัยพัฒนาแอปพลิเคชันสำหรับผู้พิการทางการได้ยิน", "วิจัยรูปแบบบริการดิจิทัลสำหรับผู้สูงอายุ"]],
  [/^P2\.2\.1\.2:i3_3\.other\.detail$/, ["ใช้ระบบ Open Data ของกรมต้นสังกัด", "อยู่ระหว่างจัดหาระบบ"]],
  [/^P2\.2\.3\.1:yes\.exchange_with\.other\.detail$/, ["องค์กรปกครองส่วนท้องถิ่นในจังหวัด", "มหาวิทยาลัยในพื้นที่"]],
  [/^P2\.2\.3\.2:yes\.detail$/, ["มีการเรียกใช้ข้อมูลผ่าน API เฉลี่ย 1,200 ครั้งต่อเดือน", "ชุดข้อมูลที่ถูกนำไปใช้มากที่สุด คือ ข้อมูลประชากรรายตำบล"]],
  [/^P2\.2\.1\.2:i2\.organization$/, ["chiangmai", "chiangmai-provincial-office", "cmi-stat"]],
];

export interface ValueContext {
  rng: Rng;
  agency: Agency;
  /** Numbers generated so far (for consistency between related blanks). */
  numbers: Map<string, number>;
  /** Pool items already used in this answer set, by pool name. */
  used: Map<string, Set<number>>;
}

/** An item of the pool not used yet in this answer set; once all are used, a "phase 2" variant. */
function fresh(ctx: ValueContext, pool: string, items: readonly string[]): string {
  const used = ctx.used.get(pool) ?? new Set<number>();
  ctx.used.set(pool, used);
  const free = items.map((_, i) => i).filter((i) => !used.has(i % items.length));
  const index = free.length > 0 ? ctx.rng.pick(free) : used.size;
  used.add(index);
  const round = Math.floor(index / items.length);
  return round === 0 ? items[index % items.length]! : `${items[index % items.length]!} (ระยะที่ ${round + 1})`;
}

function text(value: string): Typed {
  return { text: value, truth: value };
}

/** The entry number in "…<group>.<n>.<field>". */
function entryIndex(id: string): number {
  const m = /\.(\d+)\.[a-z0-9_]+$/.exec(id);
  return m ? Number(m[1]) : 1;
}

/** The value typed into `field`. */
export function valueFor(field: FieldDef, ctx: ValueContext): Typed {
  const { rng, agency } = ctx;
  const id = field.id;
  const site = agency.site;
  switch (field.blankType) {
    case "date": {
      const [y, m, d] = randomDate(rng, [2024, 7], [2025, 9]);
      return typedDate(rng, y, m, d);
    }
    case "integer": {
      let n: number;
      if (/^P4\.1:/.test(id)) n = rng.int(8, 60);
      else if (/^P4\.1\.1:/.test(id)) n = Math.min(ctx.numbers.get("P4.1") ?? 60, rng.int(3, 40));
      else if (/^P4\.2:/.test(id)) n = rng.int(2, 15);
      else if (/^P4\.2\.1:/.test(id)) n = Math.max(ctx.numbers.get("P4.2.1.min") ?? 0, rng.int(1, Math.max(1, ctx.numbers.get("P4.2") ?? 8)));
      else if (/known\.count$/.test(id)) n = rng.int(80, 1500);
      else if (/frequency$/.test(id)) n = rng.int(1, 4);
      else if (/^P2\.2\.2:/.test(id)) n = Math.max(ctx.numbers.get("P2.2.2.min") ?? 0, rng.int(1, 12));
      else if (/classified_count$/.test(id)) n = rng.int(10, 80);
      else if (/sharable_count$/.test(id)) n = Math.min(ctx.numbers.get("classified") ?? 20, rng.int(3, 40));
      else if (/structured$/.test(id)) n = rng.int(5, 60);
      else if (/machine_readable$/.test(id)) n = Math.min(ctx.numbers.get("structured") ?? 20, rng.int(2, 40));
      else if (/unstructured$/.test(id)) n = rng.int(0, 25);
      else n = rng.int(1, 20);
      const key = /^P4\.1:/.test(id) ? "P4.1" : /^P4\.2:/.test(id) ? "P4.2" : /classified_count$/.test(id) ? "classified" : /:i3_1\.structured$/.test(id) ? "structured" : id;
      ctx.numbers.set(key, n);
      return typedNumber(rng, n);
    }
    case "number": {
      if (/full_score$/.test(id)) return typedNumber(rng, ctx.numbers.get("full_score") ?? 5, 0);
      const full = rng.pick([5, 5, 5, 10, 100]);
      ctx.numbers.set("full_score", full);
      const score = full === 100 ? rng.int(70, 96) : Number((full * (0.7 + rng.next() * 0.28)).toFixed(2));
      return typedNumber(rng, score, full === 100 ? 0 : 2);
    }
    case "percent": {
      const p = Number((70 + rng.next() * 28).toFixed(rng.chance(0.5) ? 2 : 0));
      return typedNumber(rng, p, Number.isInteger(p) ? 0 : 2);
    }
    case "url": {
      if (/^P4\.5\.1:/.test(id)) return text(rng.pick(["https://www.chiangmai.go.th", "https://www.chiangmai.go.th/web/", "www.chiangmai.go.th"]));
      if (/^P4\.5\.2:/.test(id)) return text(rng.pick(["https://www.chiangmai.go.th/stat/visitor-log", "https://www.chiangmai.go.th/admin/log-report.php"]));
      if (/website\.url$/.test(id)) return text(rng.pick([`${site}/news`, `${site}/`, `https://www.chiangmai.go.th/web/hearing`, `${site}/survey`]));
      if (/:i1\.url$/.test(id)) return text(rng.pick(["https://data.chiangmai.go.th", "https://catalog.chiangmai.go.th", `${site}/opendata`]));
      if (/:i3_1\.url$/.test(id)) return text(rng.pick(["https://opendata.chiangmai.go.th", `${site}/data`]));
      if (/datasets\.\d+\.url$/.test(id)) return text(OPEN_DATASETS[(entryIndex(id) - 1) % OPEN_DATASETS.length]![1]);
      if (/services\.\d+\.url$/.test(id)) return text(ctx.numbers.has(`svc${entryIndex(id)}`) ? SERVICES[ctx.numbers.get(`svc${entryIndex(id)}`)!]![1] : `${site}/eservice`);
      return text(rng.pick([`https://www.chiangmai.go.th/sharing/${rng.pick(["api", "data", "report"])}`, `${site}/opendata/sharable`]));
    }
    case "email":
    case "phone":
      return text("");
    default:
      break;
  }
  // Text blanks.
  if (/reason$/.test(id)) return text(fresh(ctx, "reason", REASONS));
  if (/^G2:yes\.detail$/.test(id)) return text(rng.pick(MEETINGS));
  const project = /^G3:yes\.projects\.(\d+)\.(name|result)$/.exec(id);
  if (project) {
    const key = `project${project[1]}`;
    if (!ctx.numbers.has(key)) {
      const used = ctx.used.get("project") ?? new Set<number>();
      ctx.used.set("project", used);
      const free = PROJECTS.map((_, i) => i).filter((i) => !used.has(i));
      const pick = rng.pick(free);
      used.add(pick);
      ctx.numbers.set(key, pick);
    }
    const pair = PROJECTS[ctx.numbers.get(key)!]!;
    return text(project[2] === "name" ? pair[0] : pair[1]);
  }
  const obstacle = /^G4:yes\.(i\d+)\.detail$/.exec(id);
  if (obstacle) return text(rng.pick(OBSTACLES[obstacle[1]!] ?? GENERIC_DETAIL));
  const service = /^P4\.2\.1:total\.services\.(\d+)\.name$/.exec(id);
  if (service) {
    const used = ctx.used.get("service") ?? new Set<number>();
    ctx.used.set("service", used);
    const free = SERVICES.map((_, i) => i).filter((i) => !used.has(i));
    const pick = rng.pick(free);
    used.add(pick);
    ctx.numbers.set(`svc${service[1]}`, pick);
    return text(SERVICES[pick]![0]);
  }
  const usage = /usages\.(\d+)\.(dataset|usage|user)$/.exec(id);
  if (usage) {
    const triple = OPEN_USAGES[(Number(usage[1]) - 1) % OPEN_USAGES.length]!;
    return text(usage[2] === "dataset" ? triple[0] : usage[2] === "usage" ? triple[1] : triple[2]);
  }
  const dataset = /datasets\.(\d+)\.name$/.exec(id);
  if (dataset) return text(OPEN_DATASETS[(Number(dataset[1]) - 1) % OPEN_DATASETS.length]![0]);
  const channel = /channels\.(email|line|social|other)\.detail$/.exec(id);
  if (channel) return text(rng.pick(CHANNEL_DETAIL[channel[1]!]!));
  if (/^P7\.1:new_tech\.\d+\.name$/.test(id)) return text(fresh(ctx, "newtech", NEW_TECH));
  const newTechProcess = /^P7\.1:new_tech\.\d+\.process_\d$/.test(id);
  if (newTechProcess) return text(fresh(ctx, "newtech-process", Object.values(TECH_PROCESSES).flat()));
  const tech = /^(P7\.1\.\d+):yes\.(processes\.\d+\.process|detail)$/.exec(id);
  if (tech) {
    if (tech[2] === "detail") return text(rng.pick(TECH_DETAIL[tech[1]!] ?? GENERIC_DETAIL));
    return text(fresh(ctx, `process-${tech[1]}`, TECH_PROCESSES[tech[1]!] ?? GENERIC_DETAIL));
  }
  if (/evidence$/.test(id)) return text(rng.pick(EVIDENCE));
  for (const [pattern, pool] of BY_ID) if (pattern.test(id)) return text(rng.pick(pool));
  return text(rng.pick(GENERIC_DETAIL));
}
