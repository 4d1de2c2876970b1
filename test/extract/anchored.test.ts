import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/docx/read.js";
import { extractAnswers } from "../../src/extract/extract.js";
import { loadForm } from "../../src/form/load.js";
import { buildDocx, cell, font, p, r, row, sym, table } from "../docx/build-docx.js";

const form = loadForm("pcio-2567");
const source = { file: "dga-copy.docx", sha256: "0", bytes: 0 };
const WD_EMPTY = sym("Wingdings", "F0A8");
const WD_TICK = sym("Wingdings", "F0FE");
const W2_EMPTY_CIRCLE = sym("Wingdings 2", "F099");

function extract(body: string) {
  const { value } = readDocx(buildDocx(body), source.file);
  const doc = extractAnswers(form, value, source);
  return { doc, byField: new Map(doc.answers.map((a) => [a.field, a])) };
}

describe("extraction anchored on printed codes and labels (a re-laid-out DGA copy)", () => {
  const body = [
    p(r("ข้อมูลทั่วไปเกี่ยวกับจังหวัด")),
    p(r("ชื่อจังหวัด "), r("เชียงใหม่", "<w:u w:val=\"single\"/>")),
    p(r("ที่ตั้งหน่วยงาน สำนักงานพาณิชย์จังหวัดเชียงใหม่ ศาลากลาง")),
    p(r("ชื่อผู้ประสานงานที่ให้ติดต่อกรณีที่ต้องการสอบถามข้อมูลเพิ่มเติม")),
    p(r("ชื่อ สมศรี นามสกุล ใจดี ตำแหน่ง นักวิชาการพาณิชย์")),
    p(r("โทรศัพท์ที่ทำงาน ๐๕๓-๑๑๒๒๓๓ เบอร์ต่อ 12 โทรศัพท์มือถือ 081-234-5678 e-mail somsri@moc.go.th")),
    p(r("G1. จังหวัดของท่านมีการแต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด หรือไม่")),
    p(W2_EMPTY_CIRCLE, r(" ไม่มี (โปรดระบุเหตุผล__________) (ข้ามไปข้อ G4)")),
    p(r("☒", `<w:rPr>${font("MS Gothic")}</w:rPr>`.replace(/<\/?w:rPr>/g, "")), r(" มี (แนบเอกสารหลักฐาน)")),
    p(r("P1.3 จังหวัดของท่านมีกฎระเบียบหรือข้อบังคับที่สนับสนุน")),
    p(WD_TICK, r(" ไม่มี (โปรดระบุเหตุผล"), r("อยู่ระหว่าง"), r("ของบประมาณ____)")),
    p(WD_EMPTY, r(" อยู่ระหว่างการดำเนินการกำหนดกฎระเบียบหรือข้อบังคับ")),
    p(WD_EMPTY, r(" มี (แนบเอกสารหลักฐาน)")),
    p(r("P4.1 จังหวัดของท่านมีการนำบริการของกรมต้นสังกัดมาใช้งาน ทั้งหมดกี่บริการ")),
    p(r("☑"), r(" มีจำนวนทั้งสิ้น___๑๕___บริการ (ถ้าไม่มีให้ระบุ 0 บริการ)    "), r("☐"), r(" ไม่ทราบจำนวน")),
    p(r("P5.1 จังหวัดของท่านมีระบบบริหารจัดการต่อไปนี้ในรูปแบบดิจิทัล")),
    table(
      row(cell(p(r("ระบบบริหารจัดการ"))), cell(p(r("ไม่มี"))), cell(p(r("มี")))),
      row(cell(p(r("1. งานสารบรรณ หรือมีอีเมลตามที่ระเบียบงานสารบรรณฉบับใหม่กำหนด"))), cell(p(r("□"))), cell(p(r("■")))),
      row(cell(p(r("2. งานบริหารทรัพยากรบุคคล"))), cell(p(r("☒"))), cell(p(r("☐")))),
    ),
  ].join("");

  it("reads marks of every encoding next to the right option", () => {
    const { byField } = extract(body);
    expect(byField.get("G1:yes")?.recognizedBy).toBe("glyph");
    expect(byField.has("G1:no")).toBe(false);
    expect(byField.get("P1.3:no")?.recognizedBy).toBe("sym");
    expect(byField.get("P5.1:systems.r1@yes")?.kind).toBe("matrix");
    expect(byField.get("P5.1:systems.r2@no")?.column).toBe("ไม่มี");
  });

  it("reads blanks typed over the underscores, in the middle of them, across runs, in Thai digits", () => {
    const { byField } = extract(body);
    expect(byField.get("P1.3:no.reason")?.value).toBe("อยู่ระหว่างของบประมาณ");
    expect(byField.get("P4.1:total.count")?.value).toBe(15);
    expect(byField.get("P4.1:total")?.value).toBe(true);
    expect(byField.has("P4.1:unknown")).toBe(false);
  });

  it("reads the general-information block", () => {
    const { doc } = extract(body);
    expect(doc.general).toMatchObject({
      province: "เชียงใหม่",
      office_location: "สำนักงานพาณิชย์จังหวัดเชียงใหม่ ศาลากลาง",
      first_name: "สมศรี",
      last_name: "ใจดี",
      position: "นักวิชาการพาณิชย์",
      office_phone: "053-112233",
      extension: "12",
      mobile_phone: "081-234-5678",
      email: "somsri@moc.go.th",
    });
    expect(doc.method).toBe("anchored");
  });

  it("places matrix cells laid out as lines under their row, in printed column order, and warns when they do not fit", () => {
    const cellLine = (no: string, yes: string) => p(r(no), r(" ไม่มี     "), r(yes), r(" มี (แนบเอกสาร")) + p(r("หลักฐาน)"));
    const rowsAsLines = [
      p(r("P2.1.3 จังหวัดของท่านมีการดำเนินงานด้านธรรมาภิบาลข้อมูลภาครัฐในด้านต่างๆ นอกเหนือจากการปฏิบัติตามแนวทางของกรมต้นสังกัด ดังต่อไปนี้หรือไม่")),
      p(r("1. มีการกำหนดบทบาทของส่วนงานต่างๆ ในองค์กร ตามวงจรชีวิตข้อมูล (create, collect, classify, process/use, store, publish/disclose, inspect, terminate)")),
      cellLine("□", "☑"),
      cellLine("☒", "□"),
      cellLine("□", "■"),
      p(r("2. มีระบบบริหารและกระบวนการจัดการและคุ้มครองข้อมูลที่ครบถ้วน ตั้งแต่การจัดทำ การจัดเก็บ การจำแนกหมวดหมู่")),
      cellLine("☒", "□"),
      cellLine("☒", "□"),
      // Row 3 lost a cell: its boxes cannot be placed, and are not guessed.
      p(r("3. มีการกำหนดนโยบาย/กฎเกณฑ์การเข้าถึงและใช้ประโยชน์จากข้อมูล")),
      cellLine("☒", "□"),
      cellLine("□", "☒"),
      p(r("P2.1.4 จังหวัดของท่านมีกลไกการติดตามและประเมินผลการดำเนินงานด้านธรรมาภิบาลข้อมูลภาครัฐที่นอกเหนือจากที่กรมต้นสังกัดดำเนินการหรือไม่")),
    ].join("");
    const { doc, byField } = extract(rowsAsLines);
    const cells = doc.answers.filter((a) => a.question === "P2.1.3").map((a) => a.field);
    expect(cells).toEqual(["P2.1.3:status.r1@internal_yes", "P2.1.3:status.r1@open_no", "P2.1.3:status.r1@sharable_yes"]);
    expect(byField.get("P2.1.3:status.r1@open_no")?.column).toBe("ไม่มี");
    const unplaced = doc.warnings.filter((w) => w.code === "matrix_cells_unplaced");
    expect(unplaced.map((w) => w.message)).toEqual([
      expect.stringContaining("4 boxes under row \"มีระบบบริหาร"),
      expect.stringContaining("4 boxes under row \"มีการกำหนดนโยบาย"),
    ]);
    expect(unplaced[0]!.location).toBeDefined();
  });

  it("places a row's boxes when a scan lost one box or garbled the words beside one, when the words tell where", () => {
    const rowsAsLines = [
      p(r("P2.1.3 จังหวัดของท่านมีการดำเนินงานด้านธรรมาภิบาลข้อมูลภาครัฐในด้านต่างๆ นอกเหนือจากการปฏิบัติตามแนวทางของกรมต้นสังกัด ดังต่อไปนี้หรือไม่")),
      p(r("1. มีการกำหนดบทบาทของส่วนงานต่างๆ ในองค์กร ตามวงจรชีวิตข้อมูล (create, collect, classify, process/use, store, publish/disclose, inspect, terminate)")),
      // OCR read the first "ไม่มี" as "Ot": the box still takes its place in the row.
      p(r("□"), r(" Ot     "), r("☑"), r(" มี (แนบเอกสาร")) + p(r("หลักฐาน)")),
      p(r("☒"), r(" ไม่มี     "), r("□"), r(" มี (แนบเอกสาร")) + p(r("หลักฐาน)")),
      p(r("□"), r(" ไม่มี     "), r("■"), r(" มี (แนบเอกสาร")) + p(r("หลักฐาน)")),
      // The scan lost the second column's "ไม่มี" box: the words of the others say which one it was.
      p(r("2. มีระบบบริหารและกระบวนการจัดการและคุ้มครองข้อมูลที่ครบถ้วน ตั้งแต่การจัดทำ การจัดเก็บ การจำแนกหมวดหมู่")),
      p(r("☒"), r(" ไม่มี     "), r("□"), r(" มี (แนบเอกสาร")) + p(r("หลักฐาน)")),
      p(r("☒"), r(" มี (แนบเอกสาร")) + p(r("หลักฐาน)")),
      p(r("□"), r(" ไม่มี     "), r("☒"), r(" มี (แนบเอกสาร")) + p(r("หลักฐาน)")),
      // Two boxes lost, both words unreadable: any of several places would do, so none is taken.
      p(r("3. มีการกำหนดนโยบาย/กฎเกณฑ์การเข้าถึงและใช้ประโยชน์จากข้อมูล")),
      p(r("☒"), r(" Ot     "), r("□"), r(" lid")),
      p(r("□"), r(" ไม่มี     "), r("☒"), r(" มี (แนบเอกสาร")) + p(r("หลักฐาน)")),
      p(r("P2.1.4 จังหวัดของท่านมีกลไกการติดตามและประเมินผลการดำเนินงานด้านธรรมาภิบาลข้อมูลภาครัฐที่นอกเหนือจากที่กรมต้นสังกัดดำเนินการหรือไม่")),
    ].join("");
    const { doc } = extract(rowsAsLines);
    const cells = doc.answers.filter((a) => a.question === "P2.1.3").map((a) => a.field);
    expect(cells).toEqual([
      "P2.1.3:status.r1@internal_yes",
      "P2.1.3:status.r1@open_no",
      "P2.1.3:status.r1@sharable_yes",
      "P2.1.3:status.r2@internal_no",
      "P2.1.3:status.r2@open_yes",
      "P2.1.3:status.r2@sharable_yes",
    ]);
    const unplaced = doc.warnings.filter((w) => w.code === "matrix_cells_unplaced");
    expect(unplaced.map((w) => w.message)).toEqual([expect.stringContaining("4 boxes under row \"มีการกำหนดนโยบาย")]);
  });

  it("reads a blank typed in a table cell after its choice's box", () => {
    const { byField } = extract(
      [
        p(r("P6.2.2 จังหวัดของท่านมีการดำเนินการด้านการรักษาความมั่นคงปลอดภัยไซเบอร์ฯ นอกเหนือจากที่กรมต้นสังกัดจัดหาให้")),
        table(
          row(cell(p(r("การดำเนินการ"))), cell(p(r("ไม่มีการดำเนินการ"))), cell(p(r("อยู่ระหว่างดำเนินการ"))), cell(p(r("มีการดำเนินการ (แนบเอกสารหลักฐาน)"))), cell(p(r("ไม่มีการดำเนินการเนื่องจากได้รับการยกเว้นตามกฎหมาย")))),
          row(
            cell(p(r("2. จังหวัดของท่านมีการจัดอบรมด้าน Cybersecurity หรือไม่"))),
            cell(p(r("☐"))),
            cell(p(r("☐"))),
            cell(p(r("☒")), p(r("โปรดระบุความถี่ ในการจัดอบรม "), r("___"), r("4"), r("___"), r(" ครั้"), r("งต่อปี"))),
            cell(p(r("☐"))),
          ),
        ),
      ].join(""),
    );
    expect(byField.get("P6.2.2:status.r2@done")?.kind).toBe("matrix");
    expect(byField.get("P6.2.2:status.r2@done.frequency")?.value).toBe(4);
  });

  it("leaves an empty ที่ตั้งหน่วยงาน empty rather than taking the printed sub-heading below it", () => {
    const { doc } = extract(
      [
        p(r("ข้อมูลทั่วไปเกี่ยวกับจังหวัด")),
        p(r("ชื่อจังหวัด เชียงใหม่")),
        p(r("ที่ตั้งหน่วยงาน ____________________")),
        p(r("ชื่อผู้ประสานงานที่ให้ติดต่อกรณีที่ต้องการสอบถามข้อมูลเพิ่มเติม")),
        p(r("ชื่อ สมศรี นามสกุล ใจดี ตำแหน่ง นักวิชาการพาณิชย์")),
        p(r("G1. จังหวัดของท่านมีการแต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด หรือไม่")),
      ].join(""),
    );
    expect(doc.general.office_location).toBeUndefined();
    expect(doc.general).toMatchObject({ province: "เชียงใหม่", first_name: "สมศรี", last_name: "ใจดี" });
  });

  it("says when a document is not this form", () => {
    const { doc } = extract(p(r("รายงานการประชุม ครั้งที่ 1/2567")));
    expect(doc.warnings.map((w) => w.code)).toContain("not_this_form");
  });
});
