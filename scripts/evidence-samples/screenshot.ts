// Screenshot-like pages: a provincial website article captured on a desktop browser or a phone, marked with a
// screenshot tool's highlighter (flat translucent colour) or a mouse-drawn highlighter stroke.
import { createCanvas } from "@napi-rs/canvas";
import { webArticle, type Ctx } from "./content.js";
import { drawDigitalHighlighter, drawHighlighter, drawPage, INK, rgbCss, type Pt } from "./draw.js";
import { cssFont, layoutDoc, measure, registerFonts } from "./layout.js";
import { aabb, chooseMarks, planBoxes, rectPoints } from "./marks.js";
import type { Distractor, HighlightColor, Marked, Rgb } from "./model.js";
import type { Rng } from "./prng.js";
import type { RasterPage } from "./raster.js";

const THEMES: readonly { bar: Rgb; nav: Rgb; accent: Rgb }[] = [
  { bar: [31, 59, 115], nav: [45, 85, 160], accent: [255, 193, 7] },
  { bar: [11, 110, 79], nav: [20, 140, 100], accent: [255, 152, 0] },
  { bar: [123, 30, 60], nav: [160, 50, 85], accent: [240, 200, 80] },
  { bar: [75, 44, 131], nav: [105, 70, 170], accent: [120, 200, 255] },
];

export function renderScreenshot(ctx: Ctx, id: string, rng: Rng, mode: "desktop" | "mobile", firstColor?: HighlightColor): RasterPage & { title: string } {
  registerFonts();
  const doc = webArticle(ctx, id);
  const theme = rng.pick(THEMES);
  const desktop = mode === "desktop";
  const [W, H] = desktop ? rng.pick<[number, number]>([[1920, 1080], [1366, 768], [1600, 900]]) : [1080, 2340];
  const s = desktop ? W / 1920 : 3; // UI scale
  const dpi = desktop ? 96 * (W / 1920) * 1.3 : 250;
  const canvas = createCanvas(W, H);
  const g = canvas.getContext("2d");
  g.fillStyle = "#fff";
  g.fillRect(0, 0, W, H);
  const uiFont = rng.pick(["Loma", "Garuda"] as const);
  const ui = (px: number, bold = false) => cssFont(uiFont, px * s, bold);
  const distractors: Distractor[] = [];
  let y = 0;
  if (desktop) {
    g.fillStyle = "rgb(222,225,230)";
    g.fillRect(0, 0, W, 40 * s);
    g.fillStyle = "#fff";
    g.fillRect(12 * s, 6 * s, 260 * s, 34 * s);
    g.fillStyle = "#333";
    g.font = ui(13);
    g.fillText(doc.title.slice(0, 26) + "…", 24 * s, 28 * s);
    g.fillStyle = "#fff";
    g.fillRect(0, 40 * s, W, 44 * s);
    g.fillStyle = "rgb(241,243,244)";
    g.fillRect(90 * s, 46 * s, W - 200 * s, 32 * s);
    g.fillStyle = "#555";
    g.font = ui(14);
    g.fillText(`https://www.${ctx.province.en}.go.th/news/${rng.int(1000, 9999)}`, 110 * s, 67 * s);
    y = 84 * s;
  } else {
    g.fillStyle = "#000";
    g.font = ui(13, true);
    g.fillText(`${rng.int(8, 16)}:${String(rng.int(0, 59)).padStart(2, "0")}`, 20 * s, 22 * s);
    g.fillRect(W - 50 * s, 10 * s, 30 * s, 13 * s);
    g.fillStyle = "rgb(241,243,244)";
    g.fillRect(12 * s, 34 * s, W - 24 * s, 36 * s);
    g.fillStyle = "#555";
    g.font = ui(13);
    g.fillText(`${ctx.province.en}.go.th/news`, 40 * s, 58 * s);
    y = 78 * s;
  }
  // site header with logo
  const barH = (desktop ? 110 : 90) * s;
  g.fillStyle = rgbCss(theme.bar);
  g.fillRect(0, y, W, barH);
  distractors.push({ kind: "shading", bbox: [0, y, W, barH], note: `site header rgb(${theme.bar.join(",")})` });
  const logoSize = barH * 0.72;
  const lx = (desktop ? 40 : 14) * s;
  const ly = y + (barH - logoSize) / 2;
  const logoCanvas = createCanvas(Math.ceil(logoSize), Math.ceil(logoSize));
  {
    const lg = logoCanvas.getContext("2d");
    const r = logoSize / 2;
    lg.fillStyle = "rgb(214,168,38)";
    lg.beginPath();
    lg.arc(r, r, r, 0, Math.PI * 2);
    lg.fill();
    lg.fillStyle = rgbCss(rng.pick<Rgb>([[28, 72, 150], [40, 140, 70], [200, 30, 90]]));
    lg.beginPath();
    lg.arc(r, r, r * 0.75, 0, Math.PI * 2);
    lg.fill();
    lg.fillStyle = "#fff";
    lg.font = cssFont("Loma", r * 0.5, true);
    lg.fillText("จ.", r - measure(lg.font, "จ.") / 2, r + r * 0.18);
  }
  g.drawImage(logoCanvas, lx, ly);
  distractors.push({ kind: "logo", bbox: [lx, ly, logoSize, logoSize], note: "site logo" });
  g.fillStyle = "#fff";
  g.font = ui(desktop ? 26 : 18, true);
  g.fillText(`สำนักงานจังหวัด${ctx.province.name}`, lx + logoSize + 16 * s, y + barH * 0.48);
  g.font = ui(desktop ? 15 : 11);
  g.fillText("Provincial Office", lx + logoSize + 16 * s, y + barH * 0.78);
  y += barH;
  if (desktop) {
    const navH = 44 * s;
    g.fillStyle = rgbCss(theme.nav);
    g.fillRect(0, y, W, navH);
    g.fillStyle = "#fff";
    g.font = ui(16);
    let nx = 40 * s;
    for (const m of ["หน้าหลัก", "เกี่ยวกับหน่วยงาน", "ข่าวประชาสัมพันธ์", "ข้อมูลสาธารณะ", "ITA", "ติดต่อเรา"]) {
      g.fillText(m, nx, y + navH * 0.66);
      nx += measure(g.font, m) + 36 * s;
    }
    distractors.push({ kind: "shading", bbox: [0, y, W, navH], note: `menu bar rgb(${theme.nav.join(",")})` });
    y += navH;
  }
  const colX = desktop ? Math.round(W * 0.16) : Math.round(18 * s);
  const colW = desktop ? Math.round(W * 0.5) : W - 2 * colX;
  const top = y + (desktop ? 40 : 36) * s;
  g.fillStyle = "#777";
  g.font = ui(13);
  g.fillText("หน้าหลัก  ›  ข่าวประชาสัมพันธ์", colX, top - 12 * s);
  if (desktop) {
    // side panel with a coloured header and a "download" button
    const px = colX + colW + 60 * s;
    const pw = W - px - 60 * s;
    if (pw > 200 * s) {
      g.fillStyle = rgbCss(theme.accent);
      g.fillRect(px, top, pw, 44 * s);
      distractors.push({ kind: "shading", bbox: [px, top, pw, 44 * s], note: `side panel header rgb(${theme.accent.join(",")})` });
      g.fillStyle = "#222";
      g.font = ui(17, true);
      g.fillText("เอกสารดาวน์โหลด", px + 14 * s, top + 29 * s);
      g.fillStyle = "rgb(245,245,245)";
      g.fillRect(px, top + 44 * s, pw, 220 * s);
      g.fillStyle = "#1a56a0";
      g.font = ui(15);
      ["แผนปฏิบัติการดิจิทัล (PDF)", "คำสั่งแต่งตั้ง PCIO (PDF)", "รายงานการประชุม (PDF)"].forEach((t, i) => g.fillText(`• ${t}`, px + 14 * s, top + (84 + i * 40) * s));
      const by = top + 290 * s;
      g.fillStyle = "rgb(40,167,69)";
      g.fillRect(px, by, pw * 0.7, 46 * s);
      distractors.push({ kind: "shading", bbox: [px, by, pw * 0.7, 46 * s], note: "green button" });
      g.fillStyle = "#fff";
      g.font = ui(16, true);
      g.fillText("ดาวน์โหลดทั้งหมด", px + 18 * s, by + 30 * s);
    }
  }
  const lay = layoutDoc(doc, dpi, { W, H, mL: colX, mR: W - colX - colW, mT: top, mB: 10 * s });
  const page = lay.pages[0];
  if (!page) throw new Error("screenshot layout empty");
  const drawn = drawPage({ ...page, ops: page.ops }, W, H, doc.font, rng.fork("draw"), dpi);
  // paste the article (white background) under the chrome: draw content ops only inside the content area
  g.save();
  g.beginPath();
  g.rect(0, top - 4 * s, W, H - top + 4 * s);
  g.clip();
  g.globalCompositeOperation = "multiply";
  g.drawImage(drawn.canvas, 0, 0);
  g.restore();
  // marks
  const plans = chooseMarks(lay, page, rng.fork("marks"), undefined, firstColor);
  if (plans.length === 0) throw new Error("screenshot: nothing to mark");
  const freehand = rng.chance(0.4);
  const mr = rng.fork("strokes");
  const marked: Marked[] = [];
  const ink: RasterPage["ink"] = [];
  for (const m of plans) {
    const inkRgb = INK[m.color];
    const opacity = mr.range(0.35, 0.55);
    const parts = planBoxes(page, m).map((b) => {
      const pad = b.px * 0.08;
      const stroke = freehand
        ? drawHighlighter(g, mr, b.box[0], b.box[0] + b.box[2], b.baseline, b.px * 1.1, inkRgb, opacity + 0.15)
        : drawDigitalHighlighter(g, b.box[0] - pad, b.baseline - b.px * 0.85, b.box[2] + 2 * pad, b.px * 1.05, inkRgb, opacity);
      return { ...b, stroke };
    });
    marked.push({
      text: m.text,
      color: m.color,
      bbox: aabb(parts.flatMap((p) => p.stroke.poly), W, H),
      textBbox: aabb(parts.flatMap((p) => rectPoints(p.box)), W, H),
      parts: parts.map((p) => ({ text: p.text, bbox: aabb(p.stroke.poly, W, H), textBbox: aabb(rectPoints(p.box), W, H) })),
      style: "digital-highlighter",
      ink: { rgb: inkRgb, opacity: Math.round((freehand ? opacity + 0.15 : opacity) * 100) / 100 },
    });
    for (const p of parts) ink.push({ color: m.color, poly: p.stroke.poly });
  }
  const probe: Pt = [Math.min(W - 5, colX + colW + 20 * s), H - 30 * s];
  return {
    canvas,
    title: doc.title,
    truth: { width: W, height: H, unit: "px", marked, distractors },
    ink,
    paperProbe: probe,
    params: { screen: `${W}x${H}`, mode, tool: freehand ? "freehand-highlighter" : "rectangle-highlighter" },
  };
}
