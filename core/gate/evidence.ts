import { z } from 'zod';

/**
 * The evidence bundle of one gate run: what an auditor reads to see that every item of the
 * go-live checklist was checked or vouched for, when, by whom, on which commit and with which
 * configuration. Written as JSON (this schema, committed as schema/gate-evidence.schema.json)
 * and as Markdown with the same content.
 */
export const GROUP_ORDER = [
  'Infrastructure',
  'Application',
  'Domain & TLS',
  'Monitoring',
  'External services',
  'Compliance',
] as const;

const status = z.enum(['pass', 'fail', 'warn', 'error', 'skipped', 'waived']);

export const evidenceItemSchema = z.strictObject({
  id: z.string(),
  type: z.string(),
  group: z.string(),
  status,
  /** What the check said; for a waived item, its own failing line. */
  line: z.string(),
  observed: z.record(z.string(), z.unknown()).optional(),
  evidence: z.record(z.string(), z.unknown()).optional(),
  checkedAt: z.string().describe('ISO time the check started.'),
  durationMs: z.number(),
  attestation: z
    .strictObject({
      by: z.string(),
      at: z.string(),
      expires: z.string(),
      evidence: z.string(),
    })
    .optional()
    .describe('Who vouched for an attestation item, and until when.'),
  waiver: z
    .strictObject({
      owner: z.string(),
      reason: z.string(),
      ticket: z.string(),
      expires: z.string(),
      expired: z.boolean(),
    })
    .optional()
    .describe('The waiver that applied to this item (or had expired).'),
});

export const evidenceSchema = z
  .strictObject({
    $schema: z.string().optional(),
    kind: z.literal('apprunner-ops/gate-evidence'),
    version: z.literal(1),
    gate: z.string(),
    environment: z.string(),
    passed: z.boolean(),
    counts: z.record(status, z.number()),
    repository: z.string(),
    commit: z.string(),
    ref: z.string(),
    ranBy: z.string().describe('GitHub login that started the run.'),
    runUrl: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    config: z.strictObject({ file: z.string(), sha256: z.string() }),
    attestationsFile: z.strictObject({ file: z.string(), sha256: z.string().nullable() }),
    items: z.array(evidenceItemSchema),
  })
  .describe('apprunner-ops gate evidence bundle');

export type EvidenceItem = z.output<typeof evidenceItemSchema>;
export type Evidence = z.output<typeof evidenceSchema>;

export function groupRank(group: string): number {
  const i = (GROUP_ORDER as readonly string[]).indexOf(group);
  return i === -1 ? GROUP_ORDER.length : i;
}

/** Groups in the runbook's order, then any others by name. */
export function byGroup(items: readonly EvidenceItem[]): [string, EvidenceItem[]][] {
  const groups = new Map<string, EvidenceItem[]>();
  for (const item of items) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  return [...groups].sort(([a], [b]) => groupRank(a) - groupRank(b) || a.localeCompare(b));
}
