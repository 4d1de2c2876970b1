/**
 * Shapes of typed values: URLs (and the organisation part of data.go.th/organization/…), e-mail addresses, Thai
 * phone numbers, in the questions' blanks (by their `type`) and in the general-information block.
 */
import type { BlankType } from "../../form/schema.js";
import type { ValidationContext } from "../context.js";
import { GENERAL, type Issue, type IssueValue } from "../types.js";
import { dataGoThOrganization, isEmail, looksLikeUrl, parseUrl, readPhones, urlTokens } from "../values.js";
import { labelOf } from "./util.js";

type Found = { code: Issue["code"]; data?: Record<string, IssueValue> };

/** Checks one URL value; `lenient` when the blank also takes a document name ("URL หรือแนบเอกสารหลักฐาน"). */
function checkUrl(value: string, lenient: boolean): Found | undefined {
  if (lenient && !looksLikeUrl(value)) return undefined;
  const tokens = urlTokens(value);
  if (tokens.length === 0) return { code: "url_invalid" };
  for (const token of tokens) {
    const url = parseUrl(token);
    if (!url) return { code: "url_invalid" };
    if (dataGoThOrganization(url) === null) return { code: "data_go_th_org_missing" };
  }
  return undefined;
}

/** "ระบุ URL data.go.th/organization/____": an organisation name, or the whole URL with the name in it. */
function checkOrganization(value: string): Found | undefined {
  // The printed "…/organization/" often runs into the typed name ("/ chiangmai"); a lone "/" is nothing typed.
  const text = value.trim().replace(/^[\s/]+/u, "");
  if (text === "") return undefined;
  if (!text.includes("/") && !/data\.go\.th/iu.test(text)) return /\s/u.test(text) ? { code: "data_go_th_org_missing" } : undefined;
  const url = parseUrl(text.replace(/^\/+/u, ""));
  if (!url) return { code: "url_invalid" };
  const org = dataGoThOrganization(url);
  return org ? undefined : { code: "data_go_th_org_missing" };
}

function checkPhone(value: string, mobile: boolean): Found | undefined {
  const kinds = readPhones(value);
  if (mobile) return kinds && kinds.every((k) => k === "mobile") ? undefined : { code: "mobile_invalid" };
  return kinds ? undefined : { code: "phone_invalid" };
}

function isMobileField(id: string, label: string): boolean {
  return /mobile/iu.test(id) || /มือถือ/u.test(label);
}

function checkValue(type: BlankType | undefined, id: string, label: string, value: string, lenientUrl: boolean): Found | undefined {
  if (/data\.go\.th\/organization/iu.test(label)) return checkOrganization(value);
  switch (type) {
    case "url":
      return checkUrl(value, lenientUrl);
    case "email":
      return isEmail(value) ? undefined : { code: "email_invalid" };
    case "phone":
      return checkPhone(value, isMobileField(id, label));
    default:
      return undefined;
  }
}

/** URL, e-mail and phone blanks inside the questions. */
export function valueShapes(ctx: ValidationContext): void {
  for (const f of ctx.form.fields) {
    if (f.kind !== "blank" || !ctx.checksValues(f)) continue;
    const v = ctx.value(f.id);
    if (typeof v !== "string") continue;
    const lenient = f.evidence || /หลักฐาน/u.test(f.label);
    const found = checkValue(f.blankType, f.id, f.label, v, lenient);
    if (found) {
      ctx.push({ code: found.code, severity: "error", question: f.question, field: f.id, data: { label: labelOf(f), value: v, ...found.data } });
    }
  }
}

/**
 * The general-information block: every field not marked optional is filled; phones, mobile and e-mail have their
 * shapes. Values are looked up by field id (what the extractor writes) or by printed label.
 */
export function generalBlock(ctx: ValidationContext): void {
  const general = ctx.doc.general ?? {};
  for (const g of ctx.form.file.general.fields) {
    const value = (general[g.id] ?? general[g.label] ?? "").trim();
    const field = `${GENERAL}:${g.id}`;
    if (value === "") {
      if (!g.optional) ctx.push({ code: "general_missing", severity: "error", question: GENERAL, field, data: { label: g.label } });
      continue;
    }
    const found = checkValue(g.type, g.id, g.label, value, false);
    if (found) ctx.push({ code: found.code, severity: "error", question: GENERAL, field, data: { label: g.label, value, ...found.data } });
  }
}
