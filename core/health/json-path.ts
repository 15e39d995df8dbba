/** Reads `data.checks.db.status` or `items[0].id` / `items.0.id` from parsed JSON. */
export function valueAtPath(root: unknown, path: string): { found: boolean; value?: unknown } {
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '');
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return { found: false };
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return { found: false };
    node = (node as Record<string, unknown>)[segment];
  }
  return { found: true, value: node };
}
