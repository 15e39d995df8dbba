/**
 * Stand-ins for the third-party steps a rehearsal cannot run (they need GitHub or AWS). Each
 * says that it is a stand-in and sets what the real action would set, so the steps after it
 * see the same environment and outputs.
 */
import { cp, mkdir, readdir, readlink, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * A repository as the rehearsal's "GitHub" serves it: a folder standing for its content, and
 * the refs (tags, branches) that exist, each naming a commit. The folder stands for every one
 * of those commits.
 */
export interface RepositoryCopy {
  root: string;
  refs: Record<string, string>;
}

export interface StandInStep {
  uses: string;
  inputs: Record<string, string>;
  workspace: string;
  /** owner/name of the repository whose workflow runs (the workspace's repository). */
  repository?: string;
  /** Other repositories the rehearsal knows (see RehearsalOptions.repositories). */
  repositories?: Record<string, RepositoryCopy>;
  /** The rehearsal's environment (e.g. the sim's endpoints and credentials). */
  env: Record<string, string>;
  log(line: string): void;
  setOutput(name: string, value: string): void;
  exportVariable(name: string, value: string): void;
}

/** Throw to fail the step, as the real action would. */
export type StandIn = (step: StandInStep) => void | Promise<void>;

export const REHEARSAL_ACCOUNT = '123456789012';

/** Checkouts into the same folder, one after another (see `checkout`). */
const checkouts = new Map<string, Promise<unknown>>();

/**
 * actions/checkout. The workspace already is the running repository's checkout. Another
 * repository (`repository:` input) is "fetched" from the rehearsal's repositories at the ref
 * asked for, into `path:` under the workspace, as links to its folder (with
 * `sparse-checkout:`, only the folders listed). Unknown repositories and refs fail as git would.
 */
async function checkout(step: StandInStep): Promise<void> {
  const repository = step.inputs['repository'] || step.repository || '';
  if (!step.inputs['repository'] || repository === step.repository) {
    step.log(`stand-in: ${step.uses}: the workspace is ${step.workspace}; nothing is fetched`);
    return;
  }
  const copy = step.repositories?.[repository];
  if (!copy) throw new Error(`repository '${repository}' not found (or the token cannot read it)`);
  const ref = step.inputs['ref'] ?? '';
  if (!ref) throw new Error(`checking out ${repository} needs a ref in the rehearsal`);
  if (!(ref in copy.refs) && !Object.values(copy.refs).includes(ref))
    throw new Error(`fatal: couldn't find remote ref ${ref} in ${repository}`);
  const target = step.inputs['path'] ?? '';
  const dest = path.resolve(step.workspace, target);
  if (!target || !dest.startsWith(`${step.workspace}${path.sep}`))
    throw new Error(`path '${target}' must be a folder under the workspace ${step.workspace}`);
  const sparse = (step.inputs['sparse-checkout'] ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const entries = (sparse.length > 0 ? sparse : await readdir(copy.root)).filter(
    (entry) => entry !== '.git' && entry !== 'node_modules',
  );
  // The rehearsal's jobs share one workspace (on GitHub each has its own runner): a job running
  // beside another finds the same checkout already in place and leaves it, rather than pulling
  // it from under the other job's running step.
  const earlier = checkouts.get(dest) ?? Promise.resolve();
  const place = earlier.then(() => placeLinks(dest, copy.root, entries));
  checkouts.set(
    dest,
    place.catch(() => undefined),
  );
  await place;
  step.log(
    `stand-in: ${step.uses}: ${repository}@${ref} into ${target}${sparse.length ? ` (sparse: ${sparse.join(', ')})` : ''}, linked from ${copy.root}`,
  );
}

async function placeLinks(dest: string, root: string, entries: readonly string[]): Promise<void> {
  const linked = await Promise.all(
    entries.map((entry) =>
      readlink(path.join(dest, entry)).then(
        (to) => to === path.join(root, entry),
        () => false,
      ),
    ),
  );
  if (!linked.every(Boolean)) {
    await rm(dest, { recursive: true, force: true });
    await mkdir(dest, { recursive: true });
    for (const entry of entries) await symlink(path.join(root, entry), path.join(dest, entry));
  }
}

/** Uploads become a copy under <workspace>/.rehearsal-artifacts/<name>. */
export const uploadArtifactStandIn: StandIn = async (step) => {
  const name = step.inputs['name'] ?? 'artifact';
  const from = path.resolve(step.workspace, step.inputs['path'] ?? '.');
  const to = path.join(step.workspace, '.rehearsal-artifacts', name);
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await cp(from, to, { recursive: true });
  } catch (error) {
    if (step.inputs['if-no-files-found'] === 'error')
      throw new Error(`no files at ${step.inputs['path']} to upload`, { cause: error });
  }
  step.log(`stand-in: ${step.uses}: kept ${step.inputs['path']} as artifact "${name}" in ${to}`);
  step.setOutput('artifact-id', '1');
};

export const DEFAULT_STAND_INS: Record<string, StandIn> = {
  'actions/upload-artifact': uploadArtifactStandIn,
  'actions/checkout': checkout,
  'actions/setup-node': (step) => {
    const wanted = step.inputs['node-version'] || 'the default';
    step.log(
      `stand-in: ${step.uses}: using this machine's node ${process.version} (asked for ${wanted})`,
    );
    step.setOutput('node-version', process.version);
  },
  'aws-actions/configure-aws-credentials': (step) => {
    const role = step.inputs['role-to-assume'] ?? '';
    const region = step.inputs['aws-region'] ?? '';
    // Assuming a role by OIDC needs the job's token, which exists only with id-token: write.
    if (role && !step.env['ACTIONS_ID_TOKEN_REQUEST_URL'])
      throw new Error(
        'Could not get ID token: ACTIONS_ID_TOKEN_REQUEST_URL is not set (does the job have permissions: id-token: write?)',
      );
    // The real action fails the same way: without a role there is nothing to assume by OIDC.
    if (!role)
      throw new Error(
        'role-to-assume is empty (is the AWS_ROLE_ARN variable set for this environment?)',
      );
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
      throw new Error(`aws-region "${region}" is not a region (is the AWS_REGION variable set?)`);
    step.log(
      `stand-in: ${step.uses}: would assume ${role} in ${region} by OIDC; exports the rehearsal's credentials instead`,
    );
    step.exportVariable('AWS_REGION', region);
    step.exportVariable('AWS_DEFAULT_REGION', region);
    // The sim's credentials when the rehearsal has them, else placeholders: never real ones.
    step.exportVariable(
      'AWS_ACCESS_KEY_ID',
      step.env['AWS_ACCESS_KEY_ID'] ?? 'ASIAREHEARSAL0000000',
    );
    step.exportVariable(
      'AWS_SECRET_ACCESS_KEY',
      step.env['AWS_SECRET_ACCESS_KEY'] ?? 'rehearsal-secret-access-key',
    );
    step.exportVariable('AWS_SESSION_TOKEN', 'rehearsal-session-token');
    step.setOutput('aws-account-id', REHEARSAL_ACCOUNT);
  },
};
