import { z } from 'zod';
import { PLANNED_CHECKS } from './planned.js';
import { rotationDue } from './rotation-due.js';
import { secretsPresent } from './secrets-present.js';
import { serviceRunning } from './service-running.js';
import { commonCheckFields, type CheckType } from './types.js';

/**
 * Every check type, once. The configuration's `checks.*` and `gates.*` lists, the ops-check
 * action, the go-live gate and the deploy's bake period all select from this list.
 * A new type: one file exporting `defineCheck({...})`, and one line here.
 */
export const CHECK_TYPES: readonly CheckType[] = [
  serviceRunning,
  secretsPresent,
  rotationDue,
  ...PLANNED_CHECKS,
];

export function checkType(type: string): CheckType | undefined {
  return CHECK_TYPES.find((t) => t.type === type);
}

function itemSchema(t: CheckType) {
  return z
    .strictObject({ type: z.literal(t.type), ...commonCheckFields, ...t.schema.shape })
    .describe(t.description);
}

const [first, ...rest] = CHECK_TYPES.map(itemSchema);

/** One configured check: `{ type, ...its fields, id?, group?, timeout? }`. */
export const checkItemSchema = z.discriminatedUnion('type', [
  first as ReturnType<typeof itemSchema>,
  ...rest,
]);
export type CheckItem = z.output<typeof checkItemSchema>;

/** Stable id of a configured check: its `id`, else type plus name (sql), else the type. */
export function checkId(item: { type: string; id?: string | undefined; name?: unknown }): string {
  if (item.id) return item.id;
  if (typeof item.name === 'string') return `${item.type}-${item.name}`;
  return item.type;
}
