/** Reading typed values: numbers, dates in sentences, URLs, phones, e-mail; the respondent from the agency name. */
import { describe, expect, it } from "vitest";
import { inferRespondent } from "../../src/validate/respondent.js";
import { dataGoThOrganization, dateWithin, findDates, isEmail, parseUrl, readDate, readNumber, readPhones } from "../../src/validate/values.js";

describe("numbers", () => {
  it("reads Thai digits, thousands separators and units", () => {
    expect(readNumber(12)).toBe(12);
    expect(readNumber("๑,๒๐๐ บริการ")).toBe(1200);
    expect(readNumber("ร้อยละ 85.5")).toBe(85.5);
    expect(readNumber("85%")).toBe(85);
    expect(readNumber("677 คน")).toBe(677);
    expect(readNumber("3 ครั้งต่อปี", "ครั้งต่อปี")).toBe(3);
    expect(readNumber("-2")).toBe(-2);
    expect(readNumber("ห้า")).toBeNull();
    expect(readNumber("5-6")).toBeNull();
  });
});

describe("dates", () => {
  it("reads one date or a whole month", () => {
    expect(readDate("๓๐ ก.ย. ๖๗")).toMatchObject({ iso: "2024-09-30", precision: "day" });
    expect(readDate("ธันวาคม 2567")).toMatchObject({ iso: "2024-12-01", precision: "month" });
    expect(readDate("ก.ย. 67")).toMatchObject({ iso: "2024-09-01", precision: "month" });
    expect(readDate("2024-09")).toMatchObject({ iso: "2024-09-01", precision: "month" });
    expect(readDate("เร็ว ๆ นี้")).toBeNull();
  });

  it("finds every date in a sentence (Thai month names and abbreviations, BE 2- and 4-digit years, Thai digits)", () => {
    expect(findDates("ในรอบ 1 ปีที่ผ่านมา (๑๒ มิ.ย. ๖๖ – ๑๑ มิ.ย. ๖๗)").map((d) => d.iso)).toEqual(["2023-06-12", "2024-06-11"]);
    expect(findDates("ประชุมครั้งที่ ๑/๒๕๖๗ เมื่อวันอังคารที่ ๑๑ มิถุนายน ๒๕๖๗ คำสั่งที่ 3046/2567").map((d) => d.iso)).toEqual(["2024-06-11"]);
    expect(findDates("วันที่ 7 มิ ย 2567 และ 12/06/66 และ 2024-01-15").map((d) => d.iso)).toEqual(["2024-06-07", "2023-06-12", "2024-01-15"]);
    expect(findDates("ประชุมเดือนพฤศจิกายน พ.ศ. 2566").map((d) => [d.iso, d.precision])).toEqual([["2023-11-01", "month"]]);
    expect(findDates("ลดเวลาลงเหลือ 3 นาที จาก 5,000 บาท")).toEqual([]);
  });

  it("checks a period inclusively; a month counts when any of its days is in the period", () => {
    const [from, to] = ["2023-06-12", "2024-06-11"];
    expect(dateWithin(readDate("12 มิ.ย. 2566")!, from, to)).toBe(true);
    expect(dateWithin(readDate("11 มิ.ย. 2566")!, from, to)).toBe(false);
    expect(dateWithin(readDate("มิถุนายน 2566")!, from, to)).toBe(true);
    expect(dateWithin(readDate("กรกฎาคม 2567")!, from, to)).toBe(false);
  });
});

describe("URLs", () => {
  it("accepts http(s) URLs and bare hosts, rejects the rest", () => {
    expect(parseUrl("https://www.chiangmai.go.th/th/")).not.toBeNull();
    expect(parseUrl("www.chiangmai.go.th")).not.toBeNull();
    expect(parseUrl("htp:/x")).toBeNull();
    expect(parseUrl("ftp://files.go.th")).toBeNull();
    expect(parseUrl("localhost")).toBeNull();
    expect(parseUrl("chiangmai.go.th/")).not.toBeNull();
  });

  it("reads the organisation part of data.go.th/organization/…", () => {
    expect(dataGoThOrganization(parseUrl("https://data.go.th/organization/chiangmai")!)).toBe("chiangmai");
    expect(dataGoThOrganization(parseUrl("https://data.go.th/organization/")!)).toBeNull();
    expect(dataGoThOrganization(parseUrl("data.go.th/organization")!)).toBeNull();
    expect(dataGoThOrganization(parseUrl("https://data.go.th/dataset/x")!)).toBeUndefined();
    expect(dataGoThOrganization(parseUrl("https://www.chiangmai.go.th/organization/")!)).toBeUndefined();
  });
});

describe("phones and e-mail", () => {
  it("reads Thai landlines (0X-XXX-XXXX) and mobiles (0[689]…), with Thai digits, +66, extensions, several numbers", () => {
    expect(readPhones("0-5311-2345")).toEqual(["landline"]);
    expect(readPhones("๐๕๓ ๑๑๒ ๓๔๕ ต่อ ๑๙๙๑")).toEqual(["landline"]);
    expect(readPhones("02-123-4567 #12")).toEqual(["landline"]);
    expect(readPhones("+66 81 234 5678")).toEqual(["mobile"]);
    expect(readPhones("053-112-345, 0630972420")).toEqual(["landline", "mobile"]);
    expect(readPhones("053-112-345 หรือ 081-234-5678")).toEqual(["landline", "mobile"]);
    expect(readPhones("5311-2345")).toBeNull();
    expect(readPhones("01-234-5678")).toBeNull();
    expect(readPhones("081-234-567")).toBeNull();
    expect(readPhones("โทร ศาลากลาง")).toBeNull();
  });

  it("checks e-mail shapes", () => {
    expect(isEmail("plan.chiangmai@chiangmai.go.th")).toBe(true);
    expect(isEmail("pcio@chiangmai")).toBe(false);
    expect(isEmail("pcio chiangmai@go.th")).toBe(false);
  });
});

describe("respondent from the agency name", () => {
  it("tells the provincial office, the statistics office and other agencies apart", () => {
    expect(inferRespondent({ agency: "สำนักงานจังหวัดเชียงใหม่", general: {} })).toBe("provincial_office");
    expect(inferRespondent({ agency: "สำนักงานสถิติจังหวัดเชียงใหม่", general: {} })).toBe("statistics_office");
    expect(inferRespondent({ agency: "สำนักงานพาณิชย์จังหวัดเชียงใหม่", general: {} })).toBe("agency");
    expect(inferRespondent({ general: { office_location: "ที่ทำการปกครองจังหวัดเชียงใหม่ ศาลากลาง" } })).toBe("agency");
    expect(inferRespondent({ general: { office_location: "ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา" } })).toBeUndefined();
    expect(inferRespondent({ general: {} })).toBeUndefined();
  });
});
