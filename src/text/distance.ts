/**
 * Levenshtein distance over code points (a Thai vowel or tone mark is one edit, as a reader sees it). A `wildcard`
 * in `a` (OCR's "?" for a glyph it could not read) stands for any one code point of `b`, or for none, at no cost.
 */
export function editDistance(a: string, b: string, wildcard?: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + (x[i - 1] === wildcard ? 0 : 1), cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] || x[i - 1] === wildcard ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}
