import { z } from 'zod';
import { envNameField } from '../config/fields.js';
import { defineCheck, type CheckType } from './types.js';

/*
 * Check types the configuration already accepts but that are not implemented yet. Each one
 * moves to a file of its own (see README.md) when it is built; until then it reports `error`,
 * never `pass`, so a gate or schedule that lists it cannot be green by accident.
 */
function planned(
  type: string,
  group: string,
  shape: z.ZodRawShape,
  description: string,
): CheckType {
  return defineCheck({
    type,
    description,
    shape,
    defaultTimeoutMs: 30_000,
    group,
    run: async () => ({
      status: 'error',
      line: `check type "${type}" is not implemented in this version of apprunner-ops`,
    }),
  });
}

export const PLANNED_CHECKS: readonly CheckType[] = [
  planned(
    'secrets-present',
    'Infrastructure',
    { names: z.array(envNameField).optional() },
    'The configured secrets exist and are long enough; values are measured, never shown.',
  ),
  planned('rotation-due', 'Infrastructure', {}, 'No configured secret is past its rotation date.'),
];
