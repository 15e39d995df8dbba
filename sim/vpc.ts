/**
 * The sim's VPC. With `startSim({ privateDatabases: true })` every PostgreSQL-backed RDS
 * instance (drill copies included) has an endpoint name that only resolves inside the VPC:
 * `<id>.c<token>.<region>.rds.sim.invalid` (RFC 6761: `.invalid` never resolves, so a
 * connection from the test's runner fails at once, as a private RDS endpoint does from a
 * GitHub-hosted runner). Inside — the sample app, and SSM port forwarding — it maps to the
 * real PostgreSQL on loopback. The token is random per sim, so sims in one process never share
 * a name.
 */
const inside = new Map<string, { host: string; port: number }>();

const key = (host: string, port: number): string => `${host.toLowerCase()}:${port}`;

export function registerPrivateEndpoint(
  name: string,
  port: number,
  real: { host: string; port: number },
): void {
  inside.set(key(name, port), real);
}

/** Where `host:port` leads from inside the VPC; undefined for a name the VPC does not know. */
export function resolveInVpc(
  host: string,
  port: number,
): { host: string; port: number } | undefined {
  return inside.get(key(host, port));
}

/** A database URL as a program inside the VPC connects with it (the sample app). */
export function insideVpcUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const real = resolveInVpc(parsed.hostname, Number(parsed.port || 5432));
  if (!real) return url;
  parsed.hostname = real.host;
  parsed.port = String(real.port);
  return parsed.href;
}
