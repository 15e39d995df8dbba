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
];

export function inCliWords(message: string): string {
  return CLI_WORDS.reduce((text, [from, to]) => text.replace(from, to), message);
}
