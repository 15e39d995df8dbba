import tls, { type PeerCertificate } from 'node:tls';
import net from 'node:net';
import { tlsCheckSchema } from './schemas/tls.js';
import { defineCheck } from './types.js';

interface Seen {
  host: string;
  validTo: string;
  daysLeft: number;
  subject: string;
  altNames: string;
  trusted: boolean;
  problems: string[];
}

/** `host` or `host:port` (a test server, a staging port); 443 by default. */
function parseTarget(target: string): { host: string; port: number } {
  const match = /^(.+?)(?::(\d+))?$/.exec(target);
  return { host: match?.[1] ?? target, port: Number(match?.[2] ?? 443) };
}

function inspect(
  target: string,
  connectTo: string | undefined,
  minDays: number,
  now: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<Seen> {
  const { host, port: targetPort } = parseTarget(target);
  const address = connectTo ? parseTarget(connectTo) : { host, port: targetPort };
  return new Promise((resolve, reject) => {
    // Not rejecting untrusted certificates here so the report can say everything that is
    // wrong at once (expired, wrong host, untrusted), not only the first.
    const socket = tls.connect({
      host: address.host,
      port: address.port,
      ...(net.isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    const abort = (): void =>
      void socket.destroy(new Error(`TLS check of ${target} cut off by its deadline`));
    signal.addEventListener('abort', abort, { once: true });
    socket.once('timeout', () =>
      socket.destroy(new Error(`no TLS handshake from ${target} within ${timeoutMs} ms`)),
    );
    socket.once('error', (error) => {
      signal.removeEventListener('abort', abort);
      reject(error);
    });
    socket.once('secureConnect', () => {
      signal.removeEventListener('abort', abort);
      const cert: PeerCertificate = socket.getPeerCertificate();
      socket.end();
      const validTo = new Date(cert.valid_to);
      const daysLeft = Math.floor((validTo.getTime() - now) / 86_400_000);
      const problems: string[] = [];
      if (daysLeft < minDays)
        problems.push(
          daysLeft < 0
            ? `certificate expired on ${validTo.toISOString().slice(0, 10)}`
            : `certificate expires in ${daysLeft} day(s) (${validTo.toISOString().slice(0, 10)}), want at least ${minDays}; renew it`,
        );
      const mismatch = tls.checkServerIdentity(host, cert);
      if (mismatch)
        problems.push(
          `certificate does not cover ${host} (it names ${cert.subjectaltname ?? cert.subject?.CN ?? 'nothing'})`,
        );
      if (!socket.authorized)
        problems.push(
          `certificate is not trusted (${String(socket.authorizationError ?? 'unknown reason')})`,
        );
      resolve({
        host: target,
        validTo: validTo.toISOString(),
        daysLeft,
        subject: String(cert.subject?.CN ?? ''),
        altNames: cert.subjectaltname ?? '',
        trusted: socket.authorized,
        problems,
      });
    });
  });
}

/** The runbook's "certificate valid for apex and www, expiry > 90 days from go-live". */
export const tlsCheck = defineCheck({
  ...tlsCheckSchema,
  defaultTimeoutMs: 20_000,
  group: 'Domain & TLS',
  async run(check, ctx) {
    const timeoutMs = Math.max(1_000, ctx.deadline - ctx.clock.now());
    const seen = await Promise.all(
      check.hosts.map((host) =>
        inspect(
          host,
          check.resolve[host],
          check['min-days'],
          ctx.clock.now(),
          timeoutMs,
          ctx.signal,
        ).catch((error: Error): Seen => ({
          host,
          validTo: '',
          daysLeft: -1,
          subject: '',
          altNames: '',
          trusted: false,
          problems: [`no TLS connection: ${error.message}`],
        })),
      ),
    );
    const observed = {
      certificates: seen.map(({ problems: _p, ...rest }) => rest),
      minDays: check['min-days'],
    };
    const problems = seen.flatMap((s) => s.problems.map((p) => `${s.host}: ${p}`));
    if (problems.length > 0) return { status: 'fail', line: problems.join('; '), observed };
    const soonest = Math.min(...seen.map((s) => s.daysLeft));
    return {
      status: 'pass',
      line: `${check.hosts.join(', ')}: trusted, covered, ${soonest} day(s) left at least`,
      observed,
    };
  },
});
