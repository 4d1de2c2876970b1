/** The consolidation's wording in one place, Thai and English side by side so they stay in step. */
import type { EvidenceState } from "./policy.js";

export interface Wording {
  message: string;
  messageEn: string;
}

const STATE_TH: Record<EvidenceState, string> = {
  supported: "หลักฐานสนับสนุนคำตอบ",
  weak: "หลักฐานสนับสนุนบางส่วน",
  marked: "มีหลักฐานที่ทำเครื่องหมายแล้ว",
  not_marked: "หลักฐานไม่ได้ทำเครื่องหมายใจความสำคัญ",
  not_supported: "หลักฐานไม่สนับสนุนคำตอบ",
  unreadable: "อ่านไฟล์หลักฐานไม่ได้",
  evidence_missing: "ไม่มีไฟล์หลักฐาน",
};

const STATE_EN: Record<EvidenceState, string> = {
  supported: "evidence supports the answer",
  weak: "evidence partly supports the answer",
  marked: "marked evidence attached",
  not_marked: "evidence without marked key text",
  not_supported: "evidence does not support the answer",
  unreadable: "evidence file unreadable",
  evidence_missing: "no evidence file",
};

const quoted = (labels: string[]) => labels.map((l) => `“${l}”`).join(", ");

export const say = {
  unsupported(label: string, state: EvidenceState, taken: boolean): Wording {
    return {
      message: `ตอบ “${label}” โดยไม่มีหลักฐานที่ใช้ได้ (${STATE_TH[state]}) — ${taken ? "นับรวมตามหลักเกณฑ์" : "ไม่นับรวม"}`,
      messageEn: `answered “${label}” without accepted evidence (${STATE_EN[state]}) — ${taken ? "taken by the policy" : "not taken"}`,
    };
  },
  severalOptions(labels: string[], used: string | undefined): Wording {
    return {
      message: `ทำเครื่องหมายหลายตัวเลือกในข้อที่ตอบได้คำตอบเดียว: ${quoted(labels)}${used ? ` — ใช้ “${used}”` : ""}`,
      messageEn: `several options marked where one answer is asked: ${quoted(labels)}${used ? ` — “${used}” used` : ""}`,
    };
  },
  sourcesDisagree(values: string[], used: string): Wording {
    return {
      message: `แบบสำรวจของสำนักงานจังหวัดหลายฉบับตอบไม่ตรงกัน: ${quoted(values)} — ใช้ “${used}”`,
      messageEn: `the provincial office's forms disagree: ${quoted(values)} — “${used}” used`,
    };
  },
  unreadableValue(label: string, value: string, expected: "number" | "date"): Wording {
    return {
      message: `อ่านค่า “${value}” ของ “${label}” เป็น${expected === "number" ? "ตัวเลข" : "วันที่"}ไม่ได้ — ไม่นับรวม`,
      messageEn: `“${value}” for “${label}” is not a ${expected} — not taken`,
    };
  },
  entriesOverflow(label: string, count: number, max: number): Wording {
    return {
      message: `“${label}” มี ${count} รายการ เกินช่องในแบบสำรวจ (${max} รายการ) — รายการที่เกินแสดงไว้ท้ายเอกสาร`,
      messageEn: `“${label}” has ${count} entries, more than the form's ${max} — the rest are listed at the end`,
    };
  },
  answeredButSkipped(byLabel: string, reason: "skipped" | "condition_unmet"): Wording {
    return reason === "skipped"
      ? {
          message: `หน่วยงานตอบข้อนี้ แต่คำตอบของจังหวัด “${byLabel}” ให้ข้ามข้อนี้ — ไม่นับรวม`,
          messageEn: `answered, but the province's answer “${byLabel}” skips this question — not taken`,
        }
      : {
          message: `หน่วยงานตอบข้อนี้ แต่ข้อนี้ถามเฉพาะเมื่อตอบ “${byLabel}” ซึ่งจังหวัดไม่ได้ตอบ — ไม่นับรวม`,
          messageEn: `answered, but this question is only asked after “${byLabel}”, which the province did not answer — not taken`,
        };
  },
  noProvincialOffice(): Wording {
    return {
      message: "ไม่มีแบบสำรวจของสำนักงานจังหวัด: ข้อที่สำนักงานจังหวัดตอบและข้อมูลทั่วไปจะว่าง",
      messageEn: "no form from the provincial office: its questions and the general information stay empty",
    };
  },
  severalProvincialOffices(count: number): Wording {
    return {
      message: `มีแบบสำรวจของสำนักงานจังหวัด ${count} ฉบับ: ใช้ข้อมูลทั่วไปจากฉบับแรก และรวมคำตอบทุกฉบับ`,
      messageEn: `${count} forms from the provincial office: the general information comes from the first, answers from all`,
    };
  },
  formMismatch(form: string, expected: string): Wording {
    return {
      message: `แบบสำรวจเป็นฉบับ ${form} ไม่ใช่ ${expected}: อ่านตามรหัสข้อที่ตรงกัน`,
      messageEn: `the form is edition ${form}, not ${expected}: read by matching field ids`,
    };
  },
  noEvidenceInformation(): Wording {
    return {
      message: "เป็นไฟล์คำตอบ ไม่ใช่ชุดข้อมูลหน่วยงาน จึงไม่มีข้อมูลหลักฐาน: คำตอบที่ต้องแนบหลักฐานจะนับว่าไม่มีหลักฐาน",
      messageEn: "an answers file, not an agency bundle, so there is no evidence information: answers that need evidence count as unsupported",
    };
  },
};
