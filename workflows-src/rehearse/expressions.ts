/**
 * `${{ }}` evaluation with GitHub's own expression engine (@actions/expressions), plus the
 * status functions (success(), failure(), always(), cancelled()) that the runner provides.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';

export type Contexts = Record<string, unknown>;

/** Status of the things an `if:` is about: the previous steps, or the jobs in `needs`. */
export interface Status {
  failed: boolean;
}

function statusFunctions(status: Status) {
  const fn = (name: string, value: () => boolean) => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: () => new data.BooleanData(value()),
  });
  return [
    fn('success', () => !status.failed),
    fn('failure', () => status.failed),
    fn('always', () => true),
    fn('cancelled', () => false),
  ];
}

const toData = (value: unknown): data.Dictionary =>
  JSON.parse(JSON.stringify(value ?? {}), data.reviver) as data.Dictionary;

function evaluateData(expression: string, contexts: Contexts, status: Status): data.ExpressionData {
  const functions = statusFunctions(status);
  const tokens = new Lexer(expression).lex().tokens;
  const parsed = new Parser(tokens, Object.keys(contexts), functions).parse();
  return new Evaluator(
    parsed,
    toData(contexts),
    new Map(functions.map((f) => [f.name, f])),
  ).evaluate();
}

const EXPRESSION = /\$\{\{(.*?)\}\}/gs;
const NO_STATUS: Status = { failed: false };

/** Replaces every `${{ }}` in a value with its string form, as the runner does. */
export function interpolate(text: string, contexts: Contexts, status = NO_STATUS): string {
  return text.replace(EXPRESSION, (_, expression: string) =>
    evaluateData(expression, contexts, status).coerceString(),
  );
}

/**
 * The value of a whole `${{ }}` (e.g. `fromJSON(...)` for a matrix) as plain data; any other
 * text is returned as it is.
 */
export function evaluateValue(text: string, contexts: Contexts): unknown {
  const whole = /^\s*\$\{\{(.*)\}\}\s*$/s.exec(text);
  if (!whole) return text;
  const result = evaluateData(whole[1] as string, contexts, NO_STATUS);
  return JSON.parse(JSON.stringify(result, data.replacer)) as unknown;
}

/** An `if:` (with or without `${{ }}`); without a status function it means `success() && …`. */
export function condition(
  text: string | boolean | undefined,
  contexts: Contexts,
  status: Status,
): boolean {
  if (text === undefined) return !status.failed;
  if (typeof text === 'boolean') return text && !status.failed;
  const whole = /^\s*\$\{\{(.*)\}\}\s*$/s.exec(text);
  const expression = whole ? (whole[1] as string) : text;
  const wrapped = /\b(success|failure|always|cancelled)\s*\(/.test(expression)
    ? expression
    : `success() && (${expression})`;
  return truthy(evaluateData(wrapped, contexts, status));
}
