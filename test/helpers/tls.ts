import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scratchFolderSync } from '../../sim/scratch-folders.js';

export interface TestCertificates {
  dir: string;
  /** PEM of the test CA; give it to a child process as NODE_EXTRA_CA_CERTS. */
  caFile: string;
  leaf(days: number): { key: string; cert: string };
}

/** A throw-away CA and leaf certificates for 127.0.0.1/localhost, made with openssl. */
export function makeTestCertificates(): TestCertificates {
  const dir = scratchFolderSync('test-tls-');
  const run = (...args: string[]): void =>
    void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '30',
    '-subj',
    '/CN=apprunner-ops test CA',
  );
  writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  return {
    dir,
    caFile: path.join(dir, 'ca.crt'),
    leaf(days) {
      const name = `leaf-${days}`;
      run('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=localhost');
      run(
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${name}.crt`,
        '-days',
        String(days),
        '-extfile',
        'san.ext',
      );
      return {
        key: readFileSync(path.join(dir, `${name}.key`), 'utf8'),
        cert: readFileSync(path.join(dir, `${name}.crt`), 'utf8'),
      };
    },
  };
}
