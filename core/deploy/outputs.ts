import type { OpsOutcome } from './outcome.js';

/** The outputs deploy and rollback declare; absent values are empty strings. */
export function setOpsOutputs(
  outcome: OpsOutcome,
  setOutput: (name: string, value: string) => void,
): void {
  setOutput('result', outcome.result);
  setOutput('image', outcome.image ?? '');
  setOutput('previous-image', outcome.previousImage ?? '');
  setOutput('snapshot-id', outcome.snapshotId ?? '');
  setOutput('operation-id', outcome.operationId ?? '');
  if (outcome.kind === 'deploy') setOutput('service-url', outcome.serviceUrl ?? '');
}
