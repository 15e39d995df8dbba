/**
 * Fly's image registry (registry.fly.io, one repository per app): whether it holds a manifest.
 * Machines pull `registry.fly.io/<app>@sha256:…` from it, so a digest it does not hold fails on
 * the first machine; asking first turns that into a refusal before any change.
 *
 * Authentication is the registry protocol's: an anonymous request, then the challenge the
 * registry answers with (Basic, or Bearer with a token from its realm), with the Fly API token
 * as the password of user `x` (as `flyctl auth docker` logs in). The token goes only in an
 * Authorization header to the registry or its realm.
 */
export const FLY_REGISTRY = 'registry.fly.io';

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** The registry's HTTP API: FLY_REGISTRY_URL (a stand-in registry in tests), else Fly's. */
export function flyRegistryUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env['FLY_REGISTRY_URL'] || `https://${FLY_REGISTRY}`).replace(/\/$/, '');
}

export interface FlyRegistryOptions {
  url?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** True when registry.fly.io/<app> holds `reference` (a digest or a tag); false on 404. */
export async function flyRegistryHolds(
  app: string,
  reference: string,
  token: string,
  options: FlyRegistryOptions = {},
): Promise<boolean> {
  const base = options.url ?? flyRegistryUrl();
  const doFetch = options.fetch ?? fetch;
  const signal = () => AbortSignal.timeout(options.timeoutMs ?? 15_000);
  const basic = `Basic ${Buffer.from(`x:${token}`).toString('base64')}`;
  const url = `${base}/v2/${app}/manifests/${reference}`;
  // GET, not HEAD: a manifest is small, and a 404's body says why.
  const head = (authorization?: string) =>
    doFetch(url, {
      method: 'GET',
      headers: { accept: MANIFEST_TYPES, ...(authorization ? { authorization } : {}) },
      signal: signal(),
    });
  let response = await head();
  if (response.status === 401) {
    const challenge = response.headers.get('www-authenticate') ?? '';
    if (/^bearer /i.test(challenge)) {
      const params = Object.fromEntries(
        [...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]),
      );
      if (!params['realm']) throw new Error(`Fly registry: a Bearer challenge without a realm`);
      const realm = new URL(params['realm']);
      if (params['service']) realm.searchParams.set('service', params['service']);
      realm.searchParams.set('scope', `repository:${app}:pull`);
      const answer = await doFetch(realm, { headers: { authorization: basic }, signal: signal() });
      if (!answer.ok)
        throw new Error(
          `Fly registry refused the token for ${FLY_REGISTRY}/${app} (${answer.status}); check FLY_API_TOKEN`,
        );
      const body = (await answer.json()) as { token?: string; access_token?: string };
      response = await head(`Bearer ${body.token ?? body.access_token ?? ''}`);
    } else {
      response = await head(basic);
    }
  }
  if (response.status === 404) return false;
  if (response.ok) return true;
  throw new Error(
    `Fly registry: GET ${FLY_REGISTRY}/${app} manifest ${reference} answered ${response.status}${response.status === 401 || response.status === 403 ? '; check FLY_API_TOKEN (a deploy token of the app)' : ''}`,
  );
}
