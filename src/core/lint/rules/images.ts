/** Image reference helpers for Stagecraft's rules. */
import { parseNormalizedNamed } from '../../graph/reference.ts';

/**
 * The repository as people write it (Docker Hub's `docker.io/library/` dropped), the tag and
 * the digest of an image reference.
 */
export function splitImage(ref: string): { repo: string; tag: string | null; digest: string | null } {
  const p = parseNormalizedNamed(ref);
  if (p.ok) {
    const repo = p.ref.name.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
    return { repo, tag: p.ref.tag, digest: p.ref.digest };
  }
  const at = ref.indexOf('@');
  const noDigest = at >= 0 ? ref.slice(0, at) : ref;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', slash + 1);
  return {
    repo: colon >= 0 ? noDigest.slice(0, colon) : noDigest,
    tag: colon >= 0 ? noDigest.slice(colon + 1) : null,
    digest: at >= 0 ? ref.slice(at + 1) : null,
  };
}
