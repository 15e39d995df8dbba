/**
 * What the configuration knows of a check type: its `type:`, its keys and the targets it can
 * read. These files sit below the configuration, which builds its check lists from them; the
 * run of each check (core/checks/<type>.ts) sits above the configuration and spreads its
 * schema into `defineCheck`. They import zod and field readers only, never a check.
 */
import { z } from 'zod';
import { durationField, type TargetKind } from '../../config/fields.js';

/** Keys every configured check may carry, whatever its type. */
export const commonCheckFields = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase id like open-aml-alerts' })
    .optional()
    .describe('Stable id for waivers and reports; default: the type (plus name, when given).'),
  group: z
    .string()
    .min(1)
    .optional()
    .describe('Section of the report, e.g. Infrastructure or Domain & TLS.'),
  timeout: durationField.optional().describe('Deadline for this check; default per type.'),
};

/** A check type's item schema: what a configured `- type: …` item may hold. */
export interface CheckSchema<
  T extends string = string,
  Shape extends z.ZodRawShape = z.ZodRawShape,
> {
  /** The `type:` value in the configuration. */
  type: T;
  /** One sentence for docs and the JSON Schema. */
  description: string;
  /** Its own keys, zod; the common ones (id, group, timeout) are added by the configuration. */
  shape: Shape;
  /**
   * The deploy targets it can read (custom-domains: App Runner only); every target when absent.
   * The configuration refuses it in an environment on another target.
   */
  targets?: readonly TargetKind[];
}

/** Declares a check type's item schema; the literal type lets the configuration's union discriminate. */
export function defineCheckSchema<T extends string, Shape extends z.ZodRawShape>(
  schema: CheckSchema<T, Shape>,
): CheckSchema<T, Shape> {
  return schema;
}
