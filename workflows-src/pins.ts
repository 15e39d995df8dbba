/**
 * Third-party actions, each pinned to the full commit SHA of a release: a tag can be moved
 * after review, a commit cannot. The version goes into a comment next to the SHA (the
 * renderer writes it) so people and Dependabot can read what the SHA is.
 */
export interface Pin {
  /** owner/repo */
  repo: string;
  /** Full 40-hex commit SHA of the release. */
  sha: string;
  /** The release tag the SHA belongs to. */
  version: string;
}

// PIN TABLE: `npm run pin -- <owner/repo> <version> <sha>` rewrites these lines and
// regenerates the workflows. Each SHA was checked against its release tag (git show-ref --tags
// on a fetch of the action's repository) and each release's action.yml runs on node24.
export const CHECKOUT: Pin = {
  repo: 'actions/checkout',
  sha: '3d3c42e5aac5ba805825da76410c181273ba90b1',
  version: 'v7.0.1',
};

export const SETUP_NODE: Pin = {
  repo: 'actions/setup-node',
  sha: '820762786026740c76f36085b0efc47a31fe5020',
  version: 'v7.0.0',
};

export const CONFIGURE_AWS_CREDENTIALS: Pin = {
  repo: 'aws-actions/configure-aws-credentials',
  sha: 'e6de054238d6b7531b4efff3b6587d9aade6a06c',
  version: 'v6.2.3',
};

export const UPLOAD_ARTIFACT: Pin = {
  repo: 'actions/upload-artifact',
  sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
  version: 'v7.0.0',
};
// END PIN TABLE

export const PINS: readonly Pin[] = [
  CHECKOUT,
  SETUP_NODE,
  CONFIGURE_AWS_CREDENTIALS,
  UPLOAD_ARTIFACT,
];

export const pinnedRef = (pin: Pin): string => `${pin.repo}@${pin.sha}`;
