import { describe, expect, it } from 'vitest';
import { examples, exampleById } from '../examples/index.ts';
import { compareVariants } from './compareVariants.ts';
import { variantOf } from './galleryActions.ts';

describe('compareVariants', () => {
  it('go-distroless: the whole context and the toolchain before, one binary on distroless after', () => {
    const e = exampleById('go-distroless')!;
    const c = compareVariants(e.before!, e.workspace);
    expect(c.after.finalFiles).toBe(1);
    expect(c.after.base).toMatch(/^gcr\.io\/distroless\/static/);
    expect(c.after.baseSize).toMatch(/MB$/);
    expect(c.before.base).toBe('golang:1.23.4-bookworm');
    expect(c.before.baseMb).toBeGreaterThan(500);
    expect(c.before.finalFiles).toBeGreaterThan(10);
    expect(c.before.stages).toBe(1);
    expect(c.asOf).toMatch(/^\d{4}-\d{2}$/);
  });

  it('every example with a "before" ships fewer context files, on a base no bigger, after', () => {
    for (const e of examples.filter((x) => x.before)) {
      const c = compareVariants(e.before!, e.workspace);
      expect(c.after.contextFilesShipped, e.id).toBeLessThan(c.before.contextFilesShipped);
      if (c.before.baseMb !== null && c.after.baseMb !== null) expect(c.after.baseMb, e.id).toBeLessThanOrEqual(c.before.baseMb);
    }
  });
});

describe('variantOf', () => {
  const e = exampleById('go-distroless')!;
  it('tells an untouched variant by its content, an edited one by what was opened last', () => {
    expect(variantOf(e.workspace, e, undefined)).toEqual({ variant: 'after', edited: false });
    expect(variantOf(e.before!, e, 'after')).toEqual({ variant: 'before', edited: false });
    const edited = { ...e.before!, dockerfile: `${e.before!.dockerfile}# mine\n` };
    expect(variantOf(edited, e, 'before')).toEqual({ variant: 'before', edited: true });
    expect(variantOf(edited, e, undefined)).toEqual({ variant: 'after', edited: true });
    const noBefore = exampleById('go-scratch')!;
    expect(variantOf({ ...noBefore.workspace, target: 'build' }, noBefore, 'before')).toEqual({ variant: 'after', edited: true });
  });
});
