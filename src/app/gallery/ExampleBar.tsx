/**
 * While an example is open: its title, what to notice (plain text), the before/after toggle
 * with the numbers that make the point (files reaching the final image, the base it ships
 * on, approximately how big), and "reset example".
 */
import { useEffect, useState } from 'react';
import { exampleById, type Example } from '../examples/index.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { openExample, resetExample, useGallery, variantOf, type Variant } from './galleryActions.ts';
import type { VariantComparison, VariantFacts } from './compareVariants.ts';
import './gallery.css';

const comparisons = new Map<string, VariantComparison>();

/** The before/after numbers, computed once per example in a lazily loaded chunk (the engine). */
function useComparison(example: Example): VariantComparison | null {
  const [value, setValue] = useState<{ id: string; comparison: VariantComparison } | null>(null);
  const cached = comparisons.get(example.id) ?? null;
  useEffect(() => {
    if (!example.before || comparisons.has(example.id)) return;
    let live = true;
    void import('./compareVariants.ts').then(({ compareVariants }) => {
      const comparison = compareVariants(example.before!, example.workspace);
      comparisons.set(example.id, comparison);
      if (live) setValue({ id: example.id, comparison });
    });
    return () => {
      live = false;
    };
  }, [example]);
  return cached ?? (value?.id === example.id ? value.comparison : null);
}

export function ExampleBar() {
  const ws = useWorkspaceStore((s) => s.workspace);
  const example = exampleById(ws.example);
  if (!example) return null;
  return <ExampleNotes key={example.id} example={example} />;
}

function ExampleNotes({ example }: { example: Example }) {
  const ws = useWorkspaceStore((s) => s.workspace);
  const remembered = useGallery((s) => s.variants[example.id]);
  const folded = useGallery((s) => s.folded[example.id] ?? false);
  const { variant, edited } = variantOf(ws, example, remembered);
  const fold = (value: boolean) => useGallery.setState((s) => ({ folded: { ...s.folded, [example.id]: value } }));

  return (
    <section className={`example-bar${folded ? ' is-folded' : ''}`} aria-label="Example" data-testid="example-bar" data-example-id={example.id} data-variant={variant} data-edited={edited}>
      <div className="example-bar__main">
        <div className="example-bar__head">
          <span className="example-bar__kicker">Example</span>
          <strong className="example-bar__title">{example.title}</strong>
          {edited && <span className="example-bar__edited">edited</span>}
          {example.before && (
            <span className="segmented" role="group" aria-label="Version of the example">
              {(['before', 'after'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={variant === v}
                  data-testid={`example-variant-${v}`}
                  onClick={() => {
                    if (variant !== v || edited) void switchTo(example, v, variant, edited);
                  }}
                >
                  {v === 'before' ? 'Before: single stage' : 'After: multi-stage'}
                </button>
              ))}
            </span>
          )}
          <span className="example-bar__spacer" />
          <button type="button" data-testid="reset-example" disabled={!edited} onClick={() => void resetExample(example, variant)} title="Put the example back as it was shipped">
            Reset example
          </button>
          <button type="button" className="link-button" aria-expanded={!folded} onClick={() => fold(!folded)} data-testid="example-notes-toggle">
            {folded ? 'show notes' : 'hide notes'}
          </button>
        </div>
        {!folded && (
          <p className="example-bar__notice" data-testid="example-notice">
            <span className="example-bar__label">What to notice: </span>
            {example.notice}
          </p>
        )}
      </div>
      {!folded && example.before && <Comparison example={example} variant={variant} />}
    </section>
  );
}

/** Switching variants replaces the workspace: the same question as any other replacement. */
function switchTo(example: Example, to: Variant, from: Variant, edited: boolean): Promise<boolean> {
  if (to === from && edited) return resetExample(example, to);
  return openExample(example, to);
}

/** An image reference that may wrap after `/` and `:` rather than in the middle of a word. */
function breakable(ref: string) {
  return ref.split(/(?<=[/:])/).map((part, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {part}
    </span>
  ));
}

function Comparison({ example, variant }: { example: Example; variant: Variant }) {
  const comparison = useComparison(example);
  if (!comparison) return <div className="example-compare muted">Comparing before and after…</div>;
  const row = (v: Variant, facts: VariantFacts) => (
    <tr className={variant === v ? 'is-current' : ''} data-testid={`compare-${v}`} data-final-files={facts.finalFiles} data-base={facts.base ?? ''}>
      <th scope="row">{v === 'before' ? 'Before (single stage)' : 'After (multi-stage)'}</th>
      <td className="num" data-testid={`compare-${v}-files`}>
        {facts.finalFiles}
      </td>
      <td>
        <code title={facts.base ?? ''}>{facts.base === null ? 'unknown' : breakable(facts.base)}</code>
        <span className="muted" data-testid={`compare-${v}-size`}>
          {' '}
          {facts.baseSize === null ? '(size unknown)' : facts.baseSize}
        </span>
      </td>
    </tr>
  );
  return (
    <div className="example-compare" data-testid="example-compare">
      <table>
        <thead>
          <tr>
            <th />
            <th scope="col">files in the final image</th>
            <th scope="col">final image starts from</th>
          </tr>
        </thead>
        <tbody>
          {row('before', comparison.before)}
          {row('after', comparison.after)}
        </tbody>
      </table>
      <p className="example-compare__note">
        Base sizes are rough approximations (as of {comparison.asOf}), not measurements; RUN steps add more.
      </p>
    </div>
  );
}
