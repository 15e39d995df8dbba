/**
 * GitHub's git database and releases, as release.yml uses them: annotated tag objects, refs
 * (create, read, force-update) and releases. Routes are mounted in github.ts's table; state
 * lives in GithubState (github-state.ts). As strict as GitHub where it matters to a release: a ref that exists
 * is not created twice, a tag is moved only with `force`, a release per tag only once.
 */
import { createHash } from 'node:crypto';
import { json, type RestResponse, type RestRoute } from '../rest.js';
import { bodyOf, iso, notFound, REPO, repoOf, type Json } from './github-page.js';
import type { GithubRef, GithubTagObject, GithubRelease, GithubWorld } from './github-state.js';

const SHA = /^[0-9a-f]{40}$/;
const unprocessable = (message: string, docs: string): RestResponse =>
  json(422, { message, documentation_url: `https://docs.github.com/rest/${docs}`, status: '422' });

function refJson(world: GithubWorld, r: GithubRef): Json {
  const api = `${world.url}/github/repos/${r.repo}`;
  return {
    ref: r.ref,
    node_id: `REF_sim${Buffer.from(r.ref).toString('base64url')}`,
    url: `${api}/git/${r.ref}`,
    object: {
      type: r.object.type,
      sha: r.object.sha,
      url: `${api}/git/${r.object.type === 'tag' ? 'tags' : 'commits'}/${r.object.sha}`,
    },
  };
}

function tagJson(world: GithubWorld, t: GithubTagObject): Json {
  const api = `${world.url}/github/repos/${t.repo}`;
  return {
    node_id: `TAG_sim${t.sha.slice(0, 12)}`,
    tag: t.tag,
    sha: t.sha,
    url: `${api}/git/tags/${t.sha}`,
    message: t.message,
    tagger: t.tagger,
    object: { ...t.object, url: `${api}/git/commits/${t.object.sha}` },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
  };
}

function releaseJson(world: GithubWorld, r: GithubRelease): Json {
  return {
    id: r.id,
    node_id: `RE_sim${r.id}`,
    url: `${world.url}/github/repos/${r.repo}/releases/${r.id}`,
    html_url: `https://github.com/${r.repo}/releases/tag/${r.tag_name}`,
    tag_name: r.tag_name,
    target_commitish: r.target_commitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    created_at: r.created_at,
    published_at: r.draft ? null : r.created_at,
    author: { login: world.fixture.github.login, id: 41898282, type: 'Bot' },
    assets: [],
  };
}

/** What a sha names in this repository: a tag object made here, or else a commit. */
function objectOf(world: GithubWorld, repo: string, sha: string): GithubRef['object'] {
  const tag = world.github.git.tags.find((t) => t.repo === repo && t.sha === sha);
  return { type: tag ? 'tag' : 'commit', sha };
}

const findRef = (world: GithubWorld, repo: string, ref: string): GithubRef | undefined =>
  world.github.git.refs.find((r) => r.repo === repo && r.ref === ref);

export const gitRoutes: RestRoute<GithubWorld>[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/git/tags$`),
    operation: 'createTag',
    mutating: true,
    handle(req, p, world) {
      const b = bodyOf(req);
      for (const field of ['tag', 'message', 'object', 'type'])
        if (typeof b[field] !== 'string' || b[field] === '')
          return unprocessable(`Invalid request.\n\n"${field}" wasn't supplied.`, 'git/tags');
      if (!SHA.test(String(b['object'])))
        return unprocessable('Object does not exist', 'git/tags#create-a-tag-object');
      if (!['commit', 'tree', 'blob'].includes(String(b['type'])))
        return unprocessable('type must be commit, tree or blob', 'git/tags');
      const tagger = (b['tagger'] as Json | undefined) ?? {};
      const t: GithubTagObject = {
        repo: repoOf(p),
        tag: String(b['tag']),
        message: String(b['message']),
        object: { type: String(b['type']), sha: String(b['object']) },
        tagger: {
          name: typeof tagger['name'] === 'string' ? tagger['name'] : world.fixture.github.login,
          email:
            typeof tagger['email'] === 'string' ? tagger['email'] : 'bot@users.noreply.github.com',
          date: typeof tagger['date'] === 'string' ? tagger['date'] : iso(world.clock.now()),
        },
        sha: '',
      };
      t.sha = createHash('sha1')
        .update(`object ${t.object.sha}\ntype ${t.object.type}\ntag ${t.tag}\n\n${t.message}`)
        .digest('hex');
      world.github.git.tags.push(t);
      return json(201, tagJson(world, t));
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/git/refs$`),
    operation: 'createRef',
    mutating: true,
    handle(req, p, world) {
      const b = bodyOf(req);
      const ref = b['ref'];
      if (typeof ref !== 'string' || !/^refs\/[^/]+\/.+/.test(ref))
        return unprocessable(
          "Reference name must start with 'refs/' and have at least two slashes.",
          'git/refs#create-a-reference',
        );
      if (typeof b['sha'] !== 'string' || !SHA.test(b['sha']))
        return unprocessable('Object does not exist', 'git/refs#create-a-reference');
      if (findRef(world, repoOf(p), ref))
        return unprocessable('Reference already exists', 'git/refs#create-a-reference');
      const r: GithubRef = { repo: repoOf(p), ref, object: objectOf(world, repoOf(p), b['sha']) };
      world.github.git.refs.push(r);
      return json(201, refJson(world, r));
    },
  },
  {
    method: 'GET',
    // Octokit sends the ref's slash encoded (tags%2Fv1), as GitHub accepts.
    pattern: new RegExp(`^${REPO}/git/ref/(?<ref>(?:tags|heads)(?:/|%2F).+)$`, 'i'),
    operation: 'getRef',
    mutating: false,
    handle(_req, p, world) {
      const r = findRef(world, repoOf(p), `refs/${decodeURIComponent(p['ref']!)}`);
      return r ? json(200, refJson(world, r)) : notFound();
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^${REPO}/git/refs/(?<ref>(?:tags|heads)(?:/|%2F).+)$`, 'i'),
    operation: 'updateRef',
    mutating: true,
    handle(req, p, world) {
      const b = bodyOf(req);
      const r = findRef(world, repoOf(p), `refs/${decodeURIComponent(p['ref']!)}`);
      if (!r) return unprocessable('Reference does not exist', 'git/refs#update-a-reference');
      if (typeof b['sha'] !== 'string' || !SHA.test(b['sha']))
        return unprocessable('Object does not exist', 'git/refs#update-a-reference');
      // The sim knows no commit graph: moving a ref anywhere else needs force, as a tag does.
      if (b['sha'] !== r.object.sha && b['force'] !== true)
        return unprocessable('Update is not a fast forward', 'git/refs#update-a-reference');
      r.object = objectOf(world, repoOf(p), b['sha']);
      return json(200, refJson(world, r));
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/releases$`),
    operation: 'createRelease',
    mutating: true,
    handle(req, p, world) {
      const b = bodyOf(req);
      const repo = repoOf(p);
      if (typeof b['tag_name'] !== 'string' || b['tag_name'] === '')
        return unprocessable('Invalid request.\n\n"tag_name" wasn\'t supplied.', 'releases');
      const tagName = b['tag_name'];
      if (world.github.git.releases.some((r) => r.repo === repo && r.tag_name === tagName))
        return json(422, {
          message: 'Validation Failed',
          errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
          documentation_url: 'https://docs.github.com/rest/releases/releases#create-a-release',
          status: '422',
        });
      const target =
        typeof b['target_commitish'] === 'string' ? b['target_commitish'] : 'refs/heads/main';
      // GitHub creates a missing tag from target_commitish; release.yml never relies on it.
      if (!findRef(world, repo, `refs/tags/${tagName}`)) {
        if (!SHA.test(target))
          return unprocessable('target_commitish must be a commit sha here', 'releases');
        world.github.git.refs.push({
          repo,
          ref: `refs/tags/${tagName}`,
          object: { type: 'commit', sha: target },
        });
      }
      const release: GithubRelease = {
        id: world.github.id(),
        repo,
        tag_name: tagName,
        name: typeof b['name'] === 'string' ? b['name'] : null,
        body: typeof b['body'] === 'string' ? b['body'] : null,
        draft: b['draft'] === true,
        prerelease: b['prerelease'] === true,
        target_commitish: target,
        created_at: iso(world.clock.now()),
      };
      world.github.git.releases.push(release);
      return json(201, releaseJson(world, release));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/releases/tags/(?<tag>.+)$`),
    operation: 'getReleaseByTag',
    mutating: false,
    handle(_req, p, world) {
      const tag = decodeURIComponent(p['tag']!);
      const r = world.github.git.releases.find((x) => x.repo === repoOf(p) && x.tag_name === tag);
      return r ? json(200, releaseJson(world, r)) : notFound();
    },
  },
];
