/**
 * The HTTP status of an Octokit error; 0 when none was received. Apart from octokit.ts so that
 * reading it does not load Octokit.
 */
export function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : 0;
}
