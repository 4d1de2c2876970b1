/**
 * Work through `items` with at most `lanes` of them in flight, in order of the list (each lane takes the next item
 * when it finishes one). For stages whose items wait on other processes (OCR, LibreOffice) or native code: while one
 * waits, the next one's JavaScript runs. `fn` gets the item and its index; results come back in the list's order.
 */
export async function inLanes<T, R>(items: readonly T[], lanes: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  return results;
}
