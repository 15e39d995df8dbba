/**
 * Turns a workflow source into the YAML GitHub reads: a header naming the source, the
 * version of each pinned action as a comment next to its SHA, run scripts as literal blocks.
 * The output depends only on the source, so `npm run workflows` is reproducible byte for byte.
 */
import { Document, isScalar, visit } from 'yaml';
import type { WorkflowSource } from './dsl.js';
import { PINS, pinnedRef } from './pins.js';

export function renderWorkflow({ file, source, workflow }: WorkflowSource): string {
  // Shared objects (the same step in two jobs) are written out in full: no YAML anchors.
  const doc = new Document(workflow, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(value)) return;
      const pin = PINS.find((p) => pinnedRef(p) === value.value);
      if (pin) value.comment = ` ${pin.version}`;
    },
  });
  doc.commentBefore = [
    ` ${file}: generated from ${source} by \`npm run workflows\` — generated — do not edit.`,
    ' Change the source and regenerate; CI fails when this file differs from its source.',
  ].join('\n');
  return doc.toString({ lineWidth: 0, blockQuote: 'literal', nullStr: '', singleQuote: true });
}
