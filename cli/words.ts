/**
 * The command line runs the actions' code, whose messages name inputs and secrets; a person at
 * a terminal reads flags and environment variables instead.
 */
/** The action's words for its inputs, in the command line's: flags and variables. */
const CLI_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^input "([^"]+)"/, '--$1'],
  [/\bpass the BETTERSTACK_TOKEN secret as betterstack-token\b/g, 'set BETTERSTACK_TOKEN'],
  [/\bno betterstack-token given\b/g, 'BETTERSTACK_TOKEN is not set'],
  [/\bbetterstack-token is empty\b/g, 'BETTERSTACK_TOKEN is not set'],
  [
    / Pass the secret to the workflow \(secrets: inherit, or name it under secrets:\) or set it on the environment\./g,
    ' Set it to pause them.',
  ],
  [/\bset the database-url input from a secret\b/g, 'set OPS_DATABASE_URL'],
  [/\bthe github-token input\b/g, 'GITHUB_TOKEN'],
  [/\bgive github-token or audit-database-url\b/g, 'set GITHUB_TOKEN or AUDIT_DATABASE_URL'],
  [
    /\bgive the job a github-token, or an audit-database-url\b/g,
    'set GITHUB_TOKEN or AUDIT_DATABASE_URL',
  ],
  [/\bno github-token given\b/g, 'GITHUB_TOKEN is not set'],
  [/\bwith to: </g, 'with --to <'],
  [/\bor to: </g, 'or --to <'],
  [/\bwith rollback \(to: ([^)]+)\)/g, 'with rollback --to $1'],
  [/\bslack-webhook-url is empty\b/g, 'SLACK_WEBHOOK_URL is not set'],
  [/\bwithout github-token\b/g, 'without GITHUB_TOKEN'],
  [/\bgive github-token \(and actions: read\)/g, 'set GITHUB_TOKEN (a token with actions: read)'],
  [/\bNo github-token: /g, 'GITHUB_TOKEN is not set: '],
  [/\bneeds the github-token input\b/g, 'needs GITHUB_TOKEN'],
  [
    /\band no betterstack-token is available to resume them\b/g,
    'and without BETTERSTACK_TOKEN they cannot be resumed',
  ],
  [/\bbetterstack-token is set but\b/g, 'BETTERSTACK_TOKEN is set but'],
  [/\bneeds the database-url input\b/g, 'needs OPS_DATABASE_URL'],
  [/\bdatabase-url is empty: /g, 'OPS_DATABASE_URL is not set: '],
  [/\bor give the job a database-url\b/g, 'or set OPS_DATABASE_URL'],
  [/\(no audit-database-url\)/g, '(AUDIT_DATABASE_URL is not set)'],
  [/\bset the "config" input to its path\b/g, 'pass its path with --config'],
  [
    /\(set the "gate" input to one of them, or add it\)/g,
    '(name one of them after the environment, or add it)',
  ],
  [/ or pass them in the checks input\b/g, ''],
];

export function inCliWords(message: string): string {
  return CLI_WORDS.reduce((text, [from, to]) => text.replace(from, to), message);
}
