/**
 * The Explain tab: plain-language text for the instruction under the editor's cursor
 * (src/core/explain/instruction.ts, computed in the worker), what it reads and writes, and
 * links to the rule or example that shows the pattern.
 */
import type { InstructionExplanation, InstructionLink } from '../../core/explain/index.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useExplain } from './useInsights.ts';
import { exampleHref } from './exampleLinks.ts';
import { splitLineRefs } from './cacheSummary.ts';

export function ExplainView() {
  const line = useSelectionStore((s) => s.cursor?.line ?? null);
  const ex = useExplain();
  const analysed = useWorkspaceStore((s) => s.analysis !== null);
  if (line === null) {
    return <p className="muted empty">Put the cursor on an instruction in the editor to read what it does.</p>;
  }
  if (ex === undefined) {
    return <p className="muted empty">{analysed ? 'Explaining…' : 'Waiting for the analysis…'}</p>;
  }
  if (ex === null) {
    return (
      <p className="muted empty" data-testid="explain-none" data-line={line}>
        Line {line} holds no instruction (a comment or an empty line). Put the cursor on an instruction.
      </p>
    );
  }
  return <Explanation ex={ex} />;
}

function Explanation({ ex }: { ex: InstructionExplanation }) {
  const paragraphs = ex.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <article className="explain" data-testid="explain-panel" data-keyword={ex.keyword} data-line={ex.line}>
      <header className="explain__head">
        {!ex.title.startsWith(ex.keyword) && <span className="explain__keyword">{ex.keyword}</span>}
        <h3 className="explain__title">{ex.title}</h3>
        {ex.runsForTarget === false && <span className="chip chip--skipped">not built for this target</span>}
        {ex.runsForTarget === true && <span className="chip chip--runs">built for this target</span>}
      </header>
      {paragraphs.map((p, i) => (
        <p key={i} className="explain__text">
          <TextWithLines text={p} />
        </p>
      ))}
      {(ex.reads.length > 0 || ex.writes.length > 0) && (
        <dl className="explain__io">
          {ex.reads.length > 0 && (
            <>
              <dt>Reads</dt>
              <dd>
                <PathList items={ex.reads} />
              </dd>
            </>
          )}
          {ex.writes.length > 0 && (
            <>
              <dt>Writes</dt>
              <dd>
                <PathList items={ex.writes} />
              </dd>
            </>
          )}
        </dl>
      )}
      {ex.links.length > 0 && (
        <ul className="explain__links" aria-label="Related rules, examples and documentation">
          {ex.links.map((l, i) => (
            <li key={`${l.rule ?? l.example ?? l.url ?? ''}:${i}`}>
              <ExplainLink link={l} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** Plain text whose "line N" references lead to the editor. */
function TextWithLines({ text }: { text: string }) {
  return (
    <>
      {splitLineRefs(text).map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <button key={i} type="button" className="inline-line-ref" onClick={() => useSelectionStore.getState().revealLine(part.line)}>
            {part.text}
          </button>
        ),
      )}
    </>
  );
}

const MAX_PATHS = 12;

function PathList({ items }: { items: string[] }) {
  const shown = items.slice(0, MAX_PATHS);
  return (
    <span className="explain__paths">
      {shown.map((p, i) => (
        <span key={`${p}:${i}`}>
          {i > 0 && ', '}
          <code>{p}</code>
        </span>
      ))}
      {items.length > MAX_PATHS && <span className="muted"> and {items.length - MAX_PATHS} more</span>}
    </span>
  );
}

function ExplainLink({ link }: { link: InstructionLink }) {
  const kind = link.rule ? 'rule' : link.example ? 'example' : 'doc';
  const href = link.example ? exampleHref(link.example, window.location.href) : (link.url ?? null);
  const tag = kind === 'rule' ? 'rule' : kind === 'example' ? 'example' : 'docs';
  if (!href) {
    return (
      <span className="explain__link" data-kind={kind}>
        <span className={`link-tag link-tag--${kind}`}>{tag}</span> {link.label}
      </span>
    );
  }
  return (
    <a className="explain__link" data-testid="explain-link" data-kind={kind} data-rule={link.rule} data-example={link.example} href={href} target="_blank" rel="noreferrer noopener">
      <span className={`link-tag link-tag--${kind}`}>{tag}</span> {link.label}
    </a>
  );
}
