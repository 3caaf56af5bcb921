/**
 * Links from an explanation to a gallery example: a readable link (README "Readable links")
 * that opens the example's workspace in a new tab, so the person's own workspace stays as it is.
 */
import { exampleById } from '../examples/index.ts';
import { encodeReadableLink } from '../share/link.ts';

export function exampleHref(id: string, baseUrl: string): string | null {
  const example = exampleById(id);
  return example ? encodeReadableLink(example.workspace, baseUrl) : null;
}
