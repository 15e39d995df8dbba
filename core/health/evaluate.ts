import type { HealthCheck } from './check-schema.js';
import { valueAtPath } from './json-path.js';
import type { ProbeResponse } from './probe.js';

export interface Expectations {
  check: HealthCheck;
  /** When set, the JSON body must report this version at `path`. */
  /** The version the body must report at `path`: any of `values` (an image's tags). */
  version?: { path: string; values: readonly string[] };
  now: Date;
}

const DAY_MS = 86_400_000;

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Every way a response falls short of the check; empty when it passes. */
export function evaluateResponse(
  response: ProbeResponse,
  { check, version, now }: Expectations,
): string[] {
  const reasons: string[] = [];
  const expect = check.expect;
  if (response.status !== expect.status) {
    reasons.push(`status ${response.status}, expected ${expect.status}`);
  }
  const maxLatency = expect['max-latency-ms'];
  if (maxLatency !== undefined && response.latencyMs > maxLatency) {
    reasons.push(`took ${Math.round(response.latencyMs)} ms, limit ${maxLatency} ms`);
  }
  for (const [name, pattern] of Object.entries(expect.headers ?? {})) {
    const value = response.headers[name.toLowerCase()];
    if (value === undefined) reasons.push(`header ${name} is missing`);
    else if (!new RegExp(pattern).test(value))
      reasons.push(`header ${name} is "${value}", expected /${pattern}/`);
  }
  const needsJson = expect.json !== undefined || version !== undefined;
  if (needsJson) {
    let body: unknown;
    let parsed = false;
    try {
      body = JSON.parse(response.body);
      parsed = true;
    } catch {
      const type = response.headers['content-type'] ?? 'no content-type';
      reasons.push(
        `expect.json needs a JSON body, got ${type}: ${show(response.body.slice(0, 60))}`,
      );
    }
    if (parsed) {
      for (const [path, expected] of Object.entries(expect.json ?? {})) {
        const actual = valueAtPath(body, path);
        if (!actual.found) reasons.push(`${path} is missing, expected ${show(expected)}`);
        else if (actual.value !== expected)
          reasons.push(`${path} is ${show(actual.value)}, expected ${show(expected)}`);
      }
      if (version) {
        const actual = valueAtPath(body, version.path);
        if (!actual.found) reasons.push(`version not reported at ${version.path}`);
        else if (!version.values.includes(String(actual.value))) {
          const wanted = version.values.map((v) => `"${v}"`).join(' or ');
          reasons.push(`reports version ${show(actual.value)}, expected ${wanted}`);
        }
      }
    }
  }
  if (check.tls) {
    if (!response.certificate) {
      reasons.push('tls.min-days needs an https:// URL');
    } else {
      const days = Math.floor((response.certificate.validTo.getTime() - now.getTime()) / DAY_MS);
      if (days < check.tls['min-days']) {
        reasons.push(
          `TLS certificate expires in ${days} days (${response.certificate.validTo.toISOString().slice(0, 10)}), minimum ${check.tls['min-days']}`,
        );
      }
    }
  }
  return reasons;
}

/**
 * Whether a response shows one of the expected versions: the sign that the new version, and
 * not the one before or a warming instance that cannot say yet, answered it.
 */
export function reportsVersion(
  response: ProbeResponse,
  version: { path: string; values: readonly string[] },
): boolean {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return false;
  }
  const actual = valueAtPath(body, version.path);
  return actual.found && version.values.includes(String(actual.value));
}

/** The plain-HTTP twin of an https:// URL must redirect to https. */
export function evaluateRedirect(response: ProbeResponse, httpUrl: URL): string[] {
  const location = response.headers['location'];
  if (response.status < 300 || response.status > 399) {
    return [`${httpUrl.href} answered ${response.status}, expected a redirect to https://`];
  }
  if (!location || !new URL(location, httpUrl).protocol.startsWith('https')) {
    return [
      `${httpUrl.href} redirects to ${location ?? '(no Location header)'}, expected https://`,
    ];
  }
  return [];
}
