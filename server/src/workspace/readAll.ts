/** Every item read, or undefined when one cannot be or there is none: a list is compared whole or not at all. */
export function readAll<T>(items: readonly string[], read: (item: string) => T | undefined): T[] | undefined {
  const results: T[] = [];
  for (const item of items) {
    const result = read(item);
    if (result === undefined) return undefined;
    results.push(result);
  }
  return results.length > 0 ? results : undefined;
}
