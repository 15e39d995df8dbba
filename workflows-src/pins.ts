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

export const CHECKOUT: Pin = {
  repo: 'actions/checkout',
  sha: '11bd71901bbe5b1630ceea73d27597364c9af683',
  version: 'v4.2.2',
};

export const SETUP_NODE: Pin = {
  repo: 'actions/setup-node',
  sha: '49933ea5288caeca8642d1e84afbd3f7d6820020',
  version: 'v4.4.0',
};

export const CONFIGURE_AWS_CREDENTIALS: Pin = {
  repo: 'aws-actions/configure-aws-credentials',
  sha: 'e3dd6a429d7300a6a4c196c26e071d42e0343502',
  version: 'v4.0.2',
};

export const UPLOAD_ARTIFACT: Pin = {
  repo: 'actions/upload-artifact',
  sha: 'ea165f8d65b6e75b540449e92b4886f43607fa02',
  version: 'v4.6.2',
};

export const PINS: readonly Pin[] = [
  CHECKOUT,
  SETUP_NODE,
  CONFIGURE_AWS_CREDENTIALS,
  UPLOAD_ARTIFACT,
];

export const pinnedRef = (pin: Pin): string => `${pin.repo}@${pin.sha}`;
