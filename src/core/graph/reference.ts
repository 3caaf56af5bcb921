/**
 * Image reference validation: a port of `github.com/distribution/reference`
 * `ParseNormalizedNamed`, which BuildKit's `resolveBaseImage` (dockerfile2llb/convert.go)
 * calls on every FROM that is not a stage. Its error is why `FROM Base` fails when only a
 * stage `base` exists (moby/buildkit#2003).
 */

const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainName}|${ipv6})`;
const domain = `${host}(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const nameRe = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const referenceRe = new RegExp(`^(${nameRe})(?::(${tag}))?(?:@(${digest}))?$`);
const anchoredIdentifier = /^[a-f0-9]{64}$/;

export interface ParsedReference {
  /** normalized name, e.g. docker.io/library/alpine */
  name: string;
  tag: string | null;
  digest: string | null;
}

/** `reference.ParseNormalizedNamed`: the parsed reference, or BuildKit's error text. */
export function parseNormalizedNamed(s: string): { ok: true; ref: ParsedReference } | { ok: false; error: string } {
  if (anchoredIdentifier.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const [domainPart, remainder] = splitDockerDomain(s);
  const remoteName = remainder.split(':')[0];
  if (remoteName.toLowerCase() !== remoteName) {
    return { ok: false, error: `invalid reference format: repository name (${remoteName}) must be lowercase` };
  }
  const m = referenceRe.exec(domainPart + '/' + remainder);
  if (!m || s === '') return { ok: false, error: 'invalid reference format' };
  if (m[1].length > 255) return { ok: false, error: 'repository name must not be more than 255 characters' };
  return { ok: true, ref: { name: m[1], tag: m[2] ?? null, digest: m[3] ?? null } };
}

/** `splitDockerDomain` of distribution/reference normalize.go. */
function splitDockerDomain(name: string): [string, string] {
  let domainPart: string;
  let remainder: string;
  const i = name.indexOf('/');
  if (i === -1 || (!/[.:]/.test(name.slice(0, i)) && name.slice(0, i) !== 'localhost' && name.slice(0, i).toLowerCase() === name.slice(0, i))) {
    domainPart = 'docker.io';
    remainder = name;
  } else {
    domainPart = name.slice(0, i);
    remainder = name.slice(i + 1);
  }
  if (domainPart === 'index.docker.io') domainPart = 'docker.io';
  if (domainPart === 'docker.io' && !remainder.includes('/')) remainder = 'library/' + remainder;
  return [domainPart, remainder];
}

/** The image name without registry/tag, for display and rules: `golang:1.22-alpine` -> `golang`. */
export function imageRepository(ref: string): string {
  const noDigest = ref.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  return colon >= 0 ? noDigest.slice(0, colon) : noDigest;
}

/** The tag of a reference, or null when none is written. */
export function imageTag(ref: string): string | null {
  const noDigest = ref.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  return colon >= 0 ? noDigest.slice(colon + 1) : null;
}
