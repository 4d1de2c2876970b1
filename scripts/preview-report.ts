/**
 * Writes report.html from fixture bundles (real sample extractions, hand-made evidence and audit items) to
 * /tmp/samruat-report and takes screenshots of each view, to look at the layout.
 *
 *   npx tsx scripts/preview-report.ts [--lang en] [--out DIR] [--no-screenshots]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { renderReport } from "../src/report/index.js";
import { buildFixture, TEST_AGENCIES, type SampleAgency } from "../test/report/fixtures.js";

const { values } = parseArgs({
  options: {
    lang: { type: "string", default: "th" },
    out: { type: "string", default: "/tmp/samruat-report" },
    "no-screenshots": { type: "boolean", default: false },
  },
});
const lang = values.lang === "en" ? "en" : "th";
const out = values.out!;

/** About a province's worth of agencies: the test three plus one sample of each other agency. */
const MORE: SampleAgency[] = [
  ["tune/cc-03.docx", "statistics", "สำนักงานสถิติจังหวัดเชียงใหม่"],
  ["tune/cc-05.docx", "education", "สำนักงานศึกษาธิการจังหวัดเชียงใหม่"],
  ["tune/cc-06.docx", "energy", "สำนักงานพลังงานจังหวัดเชียงใหม่"],
  ["tune/glyph-02.docx", "local-administration", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่"],
  ["tune/glyph-03.docx", "social-development", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่"],
  ["tune/glyph-05.docx", "public-works", "สำนักงานโยธาธิการและผังเมืองจังหวัดเชียงใหม่"],
  ["tune/glyph-06.docx", "administration", "ที่ทำการปกครองจังหวัดเชียงใหม่"],
  ["tune/sym-02.docx", "employment", "สำนักงานจัดหางานจังหวัดเชียงใหม่"],
  ["tune/sym-03.docx", "public-health", "สำนักงานสาธารณสุขจังหวัดเชียงใหม่"],
  ["tune/sym-05.docx", "labour", "สำนักงานแรงงานจังหวัดเชียงใหม่"],
  ["tune/sym-06.docx", "cooperatives", "สำนักงานสหกรณ์จังหวัดเชียงใหม่"],
  ["tune/legacy-02.docx", "culture", "สำนักงานวัฒนธรรมจังหวัดเชียงใหม่"],
  ["tune/legacy-05.docx", "disaster", "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดเชียงใหม่"],
  ["tune/legacy-06.docx", "digital-economy", "สำนักงานสถิติและเศรษฐกิจดิจิทัลจังหวัดเชียงใหม่"],
  ["tune/legacy-08.docx", "treasury", "สำนักงานคลังจังหวัดเชียงใหม่"],
  ["tune/typed-03.docx", "environment", "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดเชียงใหม่"],
  ["tune/mixed-02.docx", "digital-economy-2", "สำนักงานดิจิทัลเพื่อเศรษฐกิจและสังคมจังหวัดเชียงใหม่"],
  ["tune/lo-05.docx", "treasury-2", "สำนักงานธนารักษ์พื้นที่เชียงใหม่"],
  ["tune/lo-06.docx", "commerce-2", "สำนักงานการค้าภายในจังหวัดเชียงใหม่"],
].map(([sample, id, name]) => ({ sample: sample!, id: id!, name: name! }));

const started = Date.now();
const fixture = await buildFixture([...TEST_AGENCIES, ...MORE], lang);
const built = Date.now();
const html = renderReport(fixture.input);
const rendered = Date.now();
mkdirSync(out, { recursive: true });
const file = path.join(out, "report.html");
writeFileSync(file, html);
console.error(
  `wrote ${file}: ${(html.length / 1e6).toFixed(1)} MB, ${fixture.input.bundles.length} agencies ` +
    `(fixtures ${built - started} ms, renderReport ${rendered - built} ms)`,
);

if (!values["no-screenshots"]) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("console", (m) => console.error(`console.${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  const url = pathToFileURL(file).href;
  const views: [string, string][] = [
    ["agencies", "#agencies"],
    ["agency", "#agency/provincial-office"],
    ["agency-evidence", "#agency/commerce"],
    ["question", "#question/G3"],
    ["audit", "#audit"],
    ["audit-weak", "#audit?verdict=weak"],
    ["province", "#province"],
  ];
  for (const [name, hash] of views) {
    const t0 = Date.now();
    await page.goto(url + hash);
    await page.waitForLoadState("load");
    if (name === "agency-evidence") await page.locator("figure.region").first().scrollIntoViewIfNeeded();
    const shot = path.join(out, `${name}.png`);
    await page.screenshot({ path: shot });
    console.error(`${shot} (${Date.now() - t0} ms)`);
  }
  await browser.close();
}
