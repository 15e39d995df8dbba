export const id = 717;
export const ids = [717];
export const modules = {

/***/ 2717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EcrRepository: () => (/* binding */ EcrRepository)
});

// UNUSED EXPORTS: ImageNotFound

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
;// CONCATENATED MODULE: ./core/aws/image-ref.ts

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[0-9a-f]{64}))$/;
function registryHost(location) {
    return `${location.registryId}.dkr.ecr.${location.region}.amazonaws.com`;
}
function imageUri(location, ref) {
    return `${registryHost(location)}/${location.repository}${ref.kind === 'tag' ? `:${ref.tag}` : `@${ref.digest}`}`;
}
/**
 * Parses the `image` input. A full URI must name the configured repository: deploying
 * another repository's image is almost always a mistake in the workflow.
 */
function parseImageRef(input, inputName, location) {
    if (DIGEST.test(input))
        return { kind: 'digest', digest: input };
    const uri = URI.exec(input);
    if (uri) {
        const [, registryId, region, repository, tag, digest] = uri;
        if (repository !== location.repository ||
            registryId !== location.registryId ||
            region !== location.region) {
            throw new InputError(inputName, `"${input}" is not in the configured repository ${registryHost(location)}/${location.repository}; name a tag or digest of that repository`);
        }
        return tag ? { kind: 'tag', tag } : { kind: 'digest', digest: digest };
    }
    if (TAG.test(input))
        return { kind: 'tag', tag: input };
    throw new InputError(inputName, `expected a tag (e.g. 3f9c2ab), a digest (sha256:<64 hex>) or an ECR URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>), got "${input}"`);
}
/** Parses an identifier App Runner reports (always a URI with a tag or digest). */
function parseImageIdentifier(identifier) {
    const uri = URI.exec(identifier);
    if (!uri)
        return undefined;
    const [, , , repository, tag, digest] = uri;
    return {
        repository: repository,
        ref: tag ? { kind: 'tag', tag } : { kind: 'digest', digest: digest },
    };
}

;// CONCATENATED MODULE: ./core/aws/ecr.ts




class ImageNotFound extends errors/* DomainFailure */.dY {
    name = 'ImageNotFound';
}
class EcrRepository {
    client;
    location;
    deps;
    constructor(client, location, deps) {
        this.client = client;
        this.location = location;
        this.deps = deps;
    }
    describe(ref) {
        return (0,call/* awsCall */.uF)('DescribeImages', async () => {
            try {
                const out = await this.client.send(new dist_cjs/* DescribeImagesCommand */.ji5({
                    registryId: this.location.registryId,
                    repositoryName: this.location.repository,
                    imageIds: [ref.kind === 'tag' ? { imageTag: ref.tag } : { imageDigest: ref.digest }],
                }));
                return out.imageDetails?.[0];
            }
            catch (error) {
                if ((0,call/* awsErrorName */.ZH)(error) === 'ImageNotFoundException')
                    return undefined;
                throw error;
            }
        }, this.deps);
    }
    /** The image by digest, or undefined when the repository does not hold it. */
    async find(ref) {
        const detail = await this.describe(ref);
        if (!detail?.imageDigest)
            return undefined;
        return {
            digest: detail.imageDigest,
            tags: detail.imageTags ?? [],
            ...(detail.imagePushedAt ? { pushedAt: detail.imagePushedAt } : {}),
            uri: imageUri(this.location, { kind: 'digest', digest: detail.imageDigest }),
        };
    }
    async resolve(ref) {
        const found = await this.find(ref);
        if (!found) {
            const name = ref.kind === 'tag' ? `tag ${ref.tag}` : `digest ${ref.digest}`;
            throw new ImageNotFound(`${name} is not in ECR repository ${this.location.repository} (${this.location.registryId}, ${this.location.region}); push it first (build-push) or name an image that exists`);
        }
        return found;
    }
    /** The newest tagged images, for error messages that list candidates. */
    async recentTagged(limit) {
        const images = [];
        let nextToken;
        for (let page = 0; page < 50; page++) {
            const out = await (0,call/* awsCall */.uF)('DescribeImages', () => this.client.send(new dist_cjs/* DescribeImagesCommand */.ji5({
                registryId: this.location.registryId,
                repositoryName: this.location.repository,
                filter: { tagStatus: 'TAGGED' },
                nextToken,
            })), this.deps);
            for (const d of out.imageDetails ?? []) {
                if (!d.imageDigest)
                    continue;
                images.push({
                    digest: d.imageDigest,
                    tags: d.imageTags ?? [],
                    ...(d.imagePushedAt ? { pushedAt: d.imagePushedAt } : {}),
                    uri: imageUri(this.location, { kind: 'digest', digest: d.imageDigest }),
                });
            }
            nextToken = out.nextToken;
            if (!nextToken)
                break;
        }
        return images
            .sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0))
            .slice(0, limit);
    }
}


/***/ })

};
