/** GitHub's paging of lists (deployments, statuses, check runs, issues, comments), and the helpers its routes share. */
import { json, type RestRequest, type RestResponse } from '../rest.js';

/** `per_page` (≤ 100, default 30) and `page` with a Link header, as GitHub pages lists; `base` is the list's URL. */
export function page<T>(req: RestRequest, items: T[], base: string): RestResponse {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30) || 30));
  const pageNo = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
  const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const headers: Record<string, string> = {};
  const link = (p: number): string => {
    const q = new URLSearchParams(req.query);
    q.set('per_page', String(perPage));
    q.set('page', String(p));
    return `${base}?${q.toString()}`;
  };
  // GitHub's order: prev and first only after page 1, next and last only before the last page.
  const links: string[] = [];
  if (pageNo > 1) links.push(`<${link(pageNo - 1)}>; rel="prev"`);
  if (pageNo < last) links.push(`<${link(pageNo + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
  if (pageNo > 1) links.push(`<${link(1)}>; rel="first"`);
  if (links.length > 0) headers['link'] = links.join(', ');
  return json(200, slice, headers);
}

/** The helpers every GitHub route module answers with. */
export type Json = Record<string, unknown>;
/** A path's `/repos/{owner}/{repo}` part, with named groups. */
export const REPO = '/repos/(?<owner>[\\w.-]+)/(?<repo>[\\w.-]+)';
export const repoOf = (p: Record<string, string>): string => `${p['owner']}/${p['repo']}`;
/** GitHub's timestamps: ISO 8601 without milliseconds. */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const bodyOf = (req: RestRequest): Json =>
  req.body !== null && typeof req.body === 'object' ? (req.body as Json) : {};
export const notFound = (): RestResponse =>
  json(404, {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  });
