/** ข้อความภาษาไทย (ค่าเริ่มต้น): ข้อความปัญหาและวิธีแก้สั้น ๆ ต่อรหัสปัญหา เติมค่าจาก data ของแต่ละปัญหา */
import type { MessageTable } from "./types.js";

export const th: MessageTable = {
  issues: {
    form_mismatch: {
      message: "คำตอบนี้ดึงตามแบบสำรวจ {docForm} แต่ตรวจด้วยแบบสำรวจ {form}",
      hint: "ตรวจด้วย --form {docForm} หรือดึงคำตอบใหม่ด้วยแบบสำรวจฉบับที่ถูกต้อง",
    },
    mark_uncertain: {
      message: "หน้า {page}: ช่องเลือกที่ตำแหน่ง {box} มีหมึกอยู่เล็กน้อย ไม่แน่ใจว่าเลือกไว้หรือไม่",
      hint: "เปิดไฟล์ที่หน้า {page} ดูช่องนี้ แล้วยืนยันหรือแก้คำตอบข้อ {question}",
    },
    handwriting_not_read: {
      message: "หน้า {page}: มีลายมือเขียนในช่องว่างที่ตำแหน่ง {box} ซึ่งไม่ได้อ่านเป็นข้อความ — ต้องตรวจด้วยตา",
      hint: "เปิดไฟล์ที่หน้า {page} อ่านสิ่งที่เขียนไว้แล้วกรอกคำตอบข้อ {question} หรือขอไฟล์ Word (.docx) จากหน่วยงาน",
    },
    unknown_field: {
      message: "ข้อ {question}: พบคำตอบ “{label}” ({field}) ที่ไม่มีในแบบสำรวจ",
      hint: "ตรวจว่าใช้แบบสำรวจฉบับปีที่ถูกต้อง และไม่ได้เพิ่มข้อความลงในแบบฟอร์ม",
    },
    entry_limit_exceeded: {
      message: "ข้อ {question}: “{label}” กรอกได้ไม่เกิน {max} รายการ แต่พบ {count} รายการ",
      hint: "เลือกไว้ {max} รายการที่สำคัญที่สุด แล้วลบรายการที่เกิน",
    },
    required_missing: {
      message: "ยังไม่ได้ตอบข้อ {question}[ ({text})]",
      hint: "ตอบข้อ {question} โดยทำเครื่องหมายในตัวเลือก หรือกรอกข้อมูลในช่องว่าง",
    },
    not_asked_answered: {
      message: "ข้อ {question} เป็นข้อที่{answeredBy}ตอบ ({respondent}ไม่ต้องตอบข้อนี้)",
      hint: "ไม่ต้องแก้ไข: ฝ่ายเลขานุการจะพิจารณาใช้ประกอบ หรือลบคำตอบออกหากไม่ต้องการ",
    },
    skipped_question_answered: {
      message: "ข้อ {question} ต้องเว้นว่าง เพราะเลือก “{byLabel}” ซึ่งให้ข้ามไปข้อ {target}",
      hint: "ลบคำตอบข้อ {question} หรือแก้คำตอบที่ให้ข้าม ({by}) หากทำเครื่องหมายผิด",
    },
    skipped_item_answered: {
      message: "ข้อ {question}: “{label}” ต้องเว้นว่าง เพราะเลือก “{byLabel}” ซึ่งให้ข้ามไปข้อ ({target})",
      hint: "ลบคำตอบนี้ หรือแก้ตัวเลือก “{byLabel}” หากทำเครื่องหมายผิด",
    },
    condition_unmet_answered: {
      message: "ข้อ {question} ตอบเฉพาะเมื่อเลือก “{conditionLabel}” ในข้อ {conditionQuestion} แต่ข้อ {conditionQuestion} ตอบเป็นอย่างอื่น",
      hint: "ลบคำตอบข้อ {question} หรือแก้คำตอบข้อ {conditionQuestion} ให้ถูกต้อง",
    },
    choice_missing: {
      message: "ข้อ {question}: ยังไม่ได้เลือกคำตอบ[ ในส่วน “{label}”] (เลือกได้คำตอบเดียว)",
      hint: "ทำเครื่องหมายในตัวเลือกที่ตรงกับการดำเนินงานจริง 1 ตัวเลือก",
    },
    choice_multiple: {
      message: "ข้อ {question}: ทำเครื่องหมายไว้ {count} ตัวเลือก[ ในส่วน “{label}”] แต่เลือกได้คำตอบเดียว ({labels})",
      hint: "เหลือเครื่องหมายไว้เพียงตัวเลือกเดียว",
    },
    sub_choice_missing: {
      message: "ข้อ {question}: เลือก “{label}” แล้ว แต่ยังไม่ได้เลือกรายการย่อย",
      hint: "ทำเครื่องหมายรายการย่อยที่ตรงกับการดำเนินงาน (เลือกได้มากกว่า 1 ข้อ)",
    },
    matrix_row_missing: {
      message: "ข้อ {question}: แถว “{row}”[ ด้าน “{group}”] ยังไม่ได้ทำเครื่องหมาย",
      hint: "ทำเครื่องหมาย 1 ช่องในแถวนี้ (ต้องตอบทุกแถว)",
    },
    nested_without_parent: {
      message: "ข้อ {question}: เลือก “{label}” แต่ไม่ได้เลือกข้อหลัก “{parentLabel}”",
      hint: "ทำเครื่องหมายที่ “{parentLabel}” ด้วย หรือลบเครื่องหมายที่ “{label}”",
    },
    blank_without_parent: {
      message: "ข้อ {question}: กรอก “{label}” ไว้ใต้ตัวเลือก “{parentLabel}” ซึ่งไม่ได้เลือก",
      hint: "ทำเครื่องหมายที่ “{parentLabel}” หรือลบข้อความที่กรอกไว้ (ข้อความนี้จะไม่ถูกนับ)",
    },
    specify_missing: {
      message: "ข้อ {question}: ยังไม่ได้กรอก “{label}”",
      hint: "กรอกรายละเอียดในช่องว่างของตัวเลือกที่เลือก",
    },
    entries_missing: {
      message: "ข้อ {question}: ยังไม่ได้ระบุ “{label}”",
      hint: "ระบุอย่างน้อย 1 รายการ (ไม่เกิน {max} รายการ)",
    },
    entry_incomplete: {
      message: "ข้อ {question}: “{label}” รายการที่ {index} ยังไม่ได้กรอก {missing}",
      hint: "กรอกให้ครบทุกช่องของรายการนี้ หรือลบรายการนี้ออก",
    },
    not_a_number: {
      message: "ข้อ {question}: “{label}” ต้องเป็นตัวเลข แต่กรอกว่า “{value}”",
      hint: "กรอกเป็นตัวเลขเท่านั้น เช่น 5 (ถ้าไม่มีให้ระบุ 0)",
    },
    not_whole_number: {
      message: "ข้อ {question}: “{label}” ต้องเป็นจำนวนเต็ม แต่กรอกว่า “{value}”",
      hint: "กรอกจำนวนเต็ม เช่น 5",
    },
    negative_number: {
      message: "ข้อ {question}: “{label}” ต้องไม่ติดลบ แต่กรอกว่า “{value}”",
      hint: "กรอกจำนวนตั้งแต่ 0 ขึ้นไป",
    },
    percent_out_of_range: {
      message: "ข้อ {question}: “{label}” ต้องอยู่ระหว่าง 0–100 แต่กรอกว่า “{value}”",
      hint: "กรอกร้อยละ 0–100 หากเป็นคะแนนเฉลี่ย ให้เลือกตัวเลือก “ระดับคะแนน … จากคะแนนเต็ม …” แทน",
    },
    score_above_max: {
      message: "ข้อ {question}: คะแนน {score} มากกว่าคะแนนเต็ม {max}",
      hint: "ตรวจคะแนนและคะแนนเต็มให้ตรงกับรายงานผลการสำรวจความพึงพอใจ",
    },
    number_not_positive: {
      message: "ข้อ {question}: “{label}” ต้องมากกว่า 0 แต่กรอกว่า {value}",
      hint: "กรอกจำนวนจริงจากรายงาน หากไม่ทราบ ให้เลือก “ไม่ทราบ” แทน",
    },
    count_exceeds_total: {
      message: "ข้อ {question}: จำนวน {value} มากกว่าจำนวนทั้งหมดในข้อ {totalQuestion} ({total})",
      hint: "จำนวนในข้อ {question} เป็นส่วนหนึ่งของข้อ {totalQuestion} จึงต้องไม่เกิน {total}: ตรวจทั้งสองข้อ",
    },
    count_mismatch_entries: {
      message: "ข้อ {question}: ระบุจำนวน {count} แต่กรอก “{label}” ไว้ {named} รายการ (ควรเป็น {expected})",
      hint: "ระบุชื่อให้ครบตามจำนวน (สูงสุด {max} รายการ) หรือแก้จำนวนให้ตรง",
    },
    url_invalid: {
      message: "ข้อ {question}: “{label}” — “{value}” ไม่ใช่ URL ที่ถูกต้อง",
      hint: "คัดลอก URL จากแถบที่อยู่ของเบราว์เซอร์ เช่น https://www.example.go.th/…",
    },
    data_go_th_org_missing: {
      message: "ข้อ {question}: “{label}” — URL ของ data.go.th ยังไม่มีชื่อหน่วยงานต่อท้าย /organization/ (“{value}”)",
      hint: "เช่น https://data.go.th/organization/ชื่อหน่วยงาน (คัดลอกจากหน้าหน่วยงานบน data.go.th)",
    },
    email_invalid: {
      message: "“{label}” — “{value}” ไม่ใช่อีเมลที่ถูกต้อง",
      hint: "เช่น name@example.go.th",
    },
    phone_invalid: {
      message: "“{label}” — “{value}” ไม่ใช่หมายเลขโทรศัพท์ที่ถูกต้อง",
      hint: "เช่น 0-5311-2345 หรือ 081-234-5678 (เบอร์ต่อเขียนว่า “ต่อ 123”)",
    },
    mobile_invalid: {
      message: "“{label}” — “{value}” ไม่ใช่หมายเลขโทรศัพท์มือถือ",
      hint: "เช่น 081-234-5678 (10 หลัก ขึ้นต้นด้วย 06, 08 หรือ 09)",
    },
    general_missing: {
      message: "ข้อมูลทั่วไป: ยังไม่ได้กรอก “{label}”",
      hint: "กรอกข้อมูลผู้ประสานงานให้ครบ เพื่อให้ สพร. ติดต่อกลับได้",
    },
    date_invalid: {
      message: "ข้อ {question}: “{label}” — อ่านวันที่ “{value}” ไม่ได้",
      hint: "เขียนวันที่ เช่น 30 ก.ย. 2567 หรือ กันยายน 2567",
    },
    date_out_of_period: {
      message: "ข้อ {question}: วันที่ที่ระบุ ({dates}) ไม่อยู่ในช่วง {period}",
      hint: "ข้อนี้นับเฉพาะช่วง {period}: ระบุวันที่ในช่วงดังกล่าว หรือแก้คำตอบเป็น “ไม่มี”",
    },
    evidence_missing: {
      message: "ข้อ {question}: ยังไม่ได้แนบหลักฐานสำหรับ {labels}",
      hint: "แนบไฟล์หลักฐานของข้อ {question} และทำสัญลักษณ์ใจความสำคัญ — คำตอบที่ไม่มีหลักฐานจะส่งไม่ได้",
    },
    evidence_not_marked: {
      message: "ข้อ {question}: หลักฐาน “{file}” ยังไม่ได้ทำสัญลักษณ์ใจความสำคัญ",
      hint: "ไฮไลต์หรือขีดเส้นใต้ข้อความที่เกี่ยวข้องกับคำตอบในไฟล์ แล้วแนบใหม่",
    },
    evidence_not_checked: {
      message: "ยังไม่ได้ตรวจไฟล์หลักฐาน: คำตอบ {count} ข้อต้องแนบหลักฐาน ({questions})",
      hint: "ตรวจอีกครั้งพร้อมรายการหลักฐาน (--evidence evidence.json)",
    },
    evidence_unknown_question: {
      message: "หลักฐาน “{file}” ผูกกับข้อ {question} ซึ่งไม่มีในแบบสำรวจ",
      hint: "แก้รหัสข้อของหลักฐานให้ถูกต้อง เช่น P1.1",
    },
  },
  severity: { error: "ข้อผิดพลาด", warning: "คำเตือน", info: "ข้อสังเกต" },
  roles: {
    provincial_office: "สำนักงานจังหวัด",
    agency: "หน่วยงาน",
    statistics_office: "สำนักงานสถิติจังหวัด",
    all_agencies: "ทุกหน่วยงาน",
    all_agencies_statistics: "ทุกหน่วยงาน/สถิติจังหวัด",
  },
  ui: {
    title: "ผลการตรวจแบบสำรวจ",
    form: "แบบสำรวจ",
    respondent: "ผู้ตอบ",
    respondentInferred: "อ่านจากชื่อหน่วยงาน — ระบุเองได้ด้วย --respondent",
    respondentDefault: "ค่าเริ่มต้น — ระบุเองได้ด้วย --respondent",
    summary: "ข้อผิดพลาด {error} · คำเตือน {warning} · ข้อสังเกต {info}",
    noIssues: "ไม่พบปัญหา",
    general: "ข้อมูลทั่วไป",
    document: "ทั้งเอกสาร",
    question: "ข้อ",
    pillar: "ส่วนที่",
    hint: "วิธีแก้",
    completeness: "ความครบถ้วน (ตอบแล้ว / ต้องตอบ)",
    answered: "ตอบแล้ว",
    required: "ต้องตอบ",
    percent: "ร้อยละ",
    total: "รวม",
    missing: "ยังไม่ตอบ",
    listSeparator: ", ",
  },
};
