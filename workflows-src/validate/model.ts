/**
 * A workflow file parsed just enough for our checks, keeping the line of everything a finding
 * may point at. Works on the YAML text, so it checks generated files and fixtures alike.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';

export interface WorkflowFile {
  /** Path shown in findings, e.g. .github/workflows/deploy.yml */
  file: string;
  text: string;
}

export interface Finding {
  check: string;
  file: string;
  line: number;
  job?: string;
  /** The step's id, else its name, else `#<n>` (1-based). */
  step?: string;
  message: string;
}

export interface StepModel {
  label: string;
  line: number;
  uses?: string;
  usesLine?: number;
  /** Comment after the `uses:` value, trimmed (e.g. "v4.2.2"). */
  usesComment?: string;
  with: Record<string, { value: string; line: number }>;
  run?: string;
  /** Line of the first script line of a block scalar, or of the value itself. */
  runLine?: number;
}

export interface JobModel {
  id: string;
  line: number;
  /** The job's mapping, for checks that read other keys. */
  node: YAMLMap;
  /** `uses:` of a job that calls a reusable workflow. */
  uses?: string;
  steps: StepModel[];
}

export interface WorkflowModel extends WorkflowFile {
  doc: Document;
  jobs: JobModel[];
  lineOf(node: Node | null | undefined): number;
}

const text = (node: unknown): string | undefined =>
  isScalar(node) && node.value !== null ? String(node.value) : undefined;

export function parseWorkflowFile(source: WorkflowFile): WorkflowModel {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter });
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const jobs: JobModel[] = [];
  const jobsNode = doc.get('jobs', true);
  if (isMap(jobsNode)) {
    for (const pair of jobsNode.items) {
      const id = text(pair.key);
      if (id === undefined || !isMap(pair.value)) continue;
      const jobNode = pair.value;
      const steps: StepModel[] = [];
      const stepsNode = jobNode.get('steps', true);
      if (isSeq(stepsNode)) {
        stepsNode.items.forEach((item, index) => {
          if (!isMap(item)) return;
          const usesNode = item.get('uses', true);
          const runNode = item.get('run', true);
          const withNode = item.get('with', true);
          const inputs: StepModel['with'] = {};
          if (isMap(withNode)) {
            for (const input of withNode.items) {
              const name = text(input.key);
              if (name !== undefined)
                inputs[name] = {
                  value: text(input.value) ?? '',
                  line: lineOf(input.key as Node),
                };
            }
          }
          const step: StepModel = {
            label: text(item.get('id', true)) ?? text(item.get('name', true)) ?? `#${index + 1}`,
            line: lineOf(item),
            with: inputs,
          };
          if (isScalar(usesNode)) {
            step.uses = String(usesNode.value);
            step.usesLine = lineOf(usesNode);
            if (usesNode.comment) step.usesComment = usesNode.comment.trim();
          }
          if (isScalar(runNode)) {
            step.run = String(runNode.value);
            const block = runNode.type === 'BLOCK_LITERAL' || runNode.type === 'BLOCK_FOLDED';
            // A block scalar's script starts on the line after the `|` indicator.
            step.runLine = lineOf(runNode) + (block ? 1 : 0);
          }
          steps.push(step);
        });
      }
      const job: JobModel = { id, line: lineOf(pair.key as Node), node: jobNode, steps };
      const uses = text(jobNode.get('uses', true));
      if (uses !== undefined) job.uses = uses;
      jobs.push(job);
    }
  }
  return { ...source, doc, jobs, lineOf };
}

export const compareFindings = (a: Finding, b: Finding): number =>
  a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check);

export function formatFinding(f: Finding): string {
  const where = [f.job && `job ${f.job}`, f.step && `step ${f.step}`].filter(Boolean).join(', ');
  return `${f.file}:${f.line}: [${f.check}]${where ? ` ${where}:` : ''} ${f.message}`;
}
