// Sanity checks for the generated evidence samples (samples/evidence, made by scripts/evidence-samples/generate.ts).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const DIR = fileURLToPath(new URL("../../samples/evidence/", import.meta.url));

const BBox = z.tuple([z.number(), z.number(), z.number().nonnegative(), z.number().nonnegative()]);
const Colour = z.enum(["yellow", "green", "pink", "orange", "blue"]);
const Truth = z.object({
  file: z.string(),
  kind: z.enum(["scan", "photo", "digital"]),
  split: z.enum(["tune", "heldout", "large", "tune-strong", "heldout-strong"]),
  pages: z
    .array(
      z.object({
        page: z.number().int().positive(),
        width: z.number().positive(),
        height: z.number().positive(),
        unit: z.enum(["px", "pt"]),
        marked: z.array(
          z.object({
            text: z.string().min(1),
            color: Colour,
            bbox: BBox,
            textBbox: BBox,
            parts: z.array(z.object({ text: z.string(), bbox: BBox, textBbox: BBox })).min(1),
          }),
        ),
        distractors: z.array(z.object({ kind: z.enum(["seal", "signature", "logo", "shading", "tint"]), bbox: BBox })),
      }),
    )
    .min(1),
});
const Index = z.object({
  files: z
    .array(
      z.object({
        file: z.string(),
        truth: z.string(),
        split: z.enum(["tune", "heldout", "large", "tune-strong", "heldout-strong"]),
        kind: z.enum(["scan", "photo", "digital"]),
        sha256: z.string().length(64),
      }),
    )
    .min(1),
});

const index = Index.parse(JSON.parse(readFileSync(path.join(DIR, "index.json"), "utf8")));

describe("evidence samples", () => {
  it.each(index.files.map((f) => [f.file, f] as const))("%s: file, truth and boxes", (_name, entry) => {
    const abs = path.join(DIR, entry.file);
    expect(existsSync(abs)).toBe(true);
    expect(createHash("sha256").update(readFileSync(abs)).digest("hex")).toBe(entry.sha256);
    const truth = Truth.parse(JSON.parse(readFileSync(path.join(DIR, entry.truth), "utf8")));
    expect(truth.file).toBe(path.basename(entry.file));
    expect(truth.kind).toBe(entry.kind);
    expect(truth.split).toBe(entry.split);
    const eps = 0.01;
    for (const p of truth.pages) {
      expect(p.marked.length, `page ${p.page} has a marked phrase`).toBeGreaterThanOrEqual(1);
      const boxes = [
        ...p.marked.flatMap((m) => [m.bbox, m.textBbox, ...m.parts.flatMap((q) => [q.bbox, q.textBbox])]),
        ...p.distractors.map((d) => d.bbox),
      ];
      for (const [x, y, w, h] of boxes) {
        expect(x, `page ${p.page} box x`).toBeGreaterThanOrEqual(-eps);
        expect(y, `page ${p.page} box y`).toBeGreaterThanOrEqual(-eps);
        expect(x + w, `page ${p.page} box right`).toBeLessThanOrEqual(p.width + eps);
        expect(y + h, `page ${p.page} box bottom`).toBeLessThanOrEqual(p.height + eps);
      }
    }
  });

  it("held-out and tune sets share no file", () => {
    const of = (split: string) => index.files.filter((f) => f.split === split);
    const tune = of("tune");
    const held = of("heldout");
    expect(tune.length).toBeGreaterThan(0);
    expect(held.length).toBeGreaterThan(0);
    const names = new Set(tune.map((f) => path.basename(f.file)));
    const hashes = new Set(tune.map((f) => f.sha256));
    for (const f of held) {
      expect(f.file.startsWith("heldout/")).toBe(true);
      expect(names.has(path.basename(f.file))).toBe(false);
      expect(hashes.has(f.sha256)).toBe(false);
    }
    for (const f of tune) expect(f.file.startsWith("tune/")).toBe(true);
  });
});
