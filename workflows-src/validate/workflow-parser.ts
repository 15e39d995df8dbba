/**
 * GitHub's own workflow parser (@actions/workflow-parser, the one behind the VS Code
 * extension): the schema of every key and value as github.com reads it. It imports JSON
 * without import attributes, so plain Node 20 refuses it; tsx and vitest (server.deps.inline)
 * load it fine.
 */
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import type { Finding, WorkflowFile } from './model.js';

export const WORKFLOW_PARSER = 'workflow-parser';

export async function checkWorkflowParser(workflow: WorkflowFile): Promise<Finding[]> {
  const parsed = parseWorkflow(
    { name: workflow.file, content: workflow.text },
    new NoOperationTraceWriter(),
  );
  const messages = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value !== undefined) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const error of template.errors ?? [])
      if (!messages.includes(error.Message)) messages.push(error.Message);
  }
  return messages.map((message) => {
    const at = /\(Line: (\d+), Col: \d+\): /.exec(message);
    return {
      check: WORKFLOW_PARSER,
      file: workflow.file,
      line: at ? Number(at[1]) : 1,
      message: at ? message.slice(at.index + at[0].length) : message,
    };
  });
}
