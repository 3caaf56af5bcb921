/**
 * The graph's dialogs: add a stage (the palette), connect two stages (copy / build on / mount,
 * with the fields prefilled and a preview of the exact lines), confirm deleting a stage (the
 * references it would break listed first), and the new base when a FROM arrow is removed.
 * They float over the canvas and leave the graph usable; Escape closes them.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useGraphEditStore, type Dialog } from './graphEditStore.ts';
import {
  perform,
  planAddStage,
  planConnect,
  planDeleteEdge,
  planDeleteStage,
  preview,
  type ConnectSpec,
  type Planner,
  type Preview,
} from './actions.ts';
import { focusSelectedStageSoon, refocusStage, stageIndexOf } from './commands.ts';
import { describeBroken, nodeCalled, stageCalled } from './describe.ts';
import { PALETTE, PALETTE_GROUPS, defaultStageName } from './palette.ts';
import { runsOf, suggestCopy, suggestMountTarget } from './suggest.ts';

export function GraphDialogs() {
  const dialog = useGraphEditStore((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add-stage':
      return <AddStageDialog key={`add:${dialog.baseStage}`} baseStage={dialog.baseStage} />;
    case 'connect':
      return <ConnectDialog key={`connect:${dialog.from}->${dialog.to}`} dialog={dialog} />;
    case 'delete-stage':
      return <DeleteStageDialog key={`delete:${dialog.stage}`} dialog={dialog} />;
    case 'replace-base':
      return <ReplaceBaseDialog key={`base:${dialog.from}->${dialog.stage}`} dialog={dialog} />;
  }
}

function close(focusStage: number | null) {
  useGraphEditStore.getState().closeDialog();
  refocusStage(focusStage);
}

/** A titled, non-modal dialog: focuses its first field, closes on Escape. */
function DialogFrame(props: {
  title: ReactNode;
  testId: string;
  role?: 'dialog' | 'alertdialog';
  wide?: boolean;
  onClose(): void;
  children: ReactNode;
  describedBy?: string;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el =
      ref.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      ref.current?.querySelector<HTMLElement>('input, select, button:not(.graph-dialog__close)');
    el?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      props.onClose();
    }
  };
  return (
    <div
      ref={ref}
      className={`graph-dialog${props.wide ? ' graph-dialog--wide' : ''} nodrag nopan nowheel`}
      role={props.role ?? 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={props.describedBy}
      data-testid={props.testId}
      onKeyDown={onKeyDown}
    >
      <header className="graph-dialog__header">
        <h3 id={titleId}>{props.title}</h3>
        <button type="button" className="graph-dialog__close graph-icon-button" aria-label="Close" title="Close (Escape)" onClick={props.onClose}>
          ✕
        </button>
      </header>
      {props.children}
    </div>
  );
}

/** The preview of a planned action, recomputed when its inputs or the text change. */
function usePreview(key: string, make: () => Planner | null): Preview | null {
  const revision = useWorkspaceStore((s) => s.analysisRevision);
  const [state, setState] = useState<{ key: string; preview: Preview } | null>(null);
  const makeRef = useRef(make);
  makeRef.current = make;
  useEffect(() => {
    let live = true;
    const planner = makeRef.current();
    if (planner) void preview(planner).then((p) => live && setState({ key: `${key}#${revision}`, preview: p }));
    return () => {
      live = false;
    };
  }, [key, revision]);
  return state?.key === `${key}#${revision}` ? state.preview : null;
}

function PreviewBox({ preview: p }: { preview: Preview | null }) {
  if (!p) return <p className="graph-preview graph-preview--pending">Working out the change…</p>;
  if (!p.ok) {
    return (
      <p className="graph-preview graph-preview--refused" data-testid="action-refusal">
        <span aria-hidden="true">⚠ </span>
        Not possible: {p.reason}
      </p>
    );
  }
  return (
    <div className="graph-preview" data-testid="action-preview">
      <p>
        {p.lines.length ? `Writes at line ${p.first}` : `Removes line ${p.first}`}
        {p.lines.length > 0 && p.removed > 0 ? `, replacing ${p.removed} line${p.removed === 1 ? '' : 's'}` : ''}:
      </p>
      {p.lines.length > 0 && <pre>{p.lines.slice(0, 6).join('\n') + (p.lines.length > 6 ? '\n…' : '')}</pre>}
    </div>
  );
}

// ------------------------------------------------------------------------------ add a stage

function AddStageDialog({ baseStage }: { baseStage: number | null }) {
  const stages = useWorkspaceStore((s) => s.analysis?.stages ?? []);
  const busy = useGraphEditStore((s) => s.busy);
  const [name, setName] = useState('');
  const [position, setPosition] = useState('auto');
  const [image, setImage] = useState('');
  const based = baseStage !== null ? stages[baseStage] : undefined;

  const add = async (spec: { base?: string; baseStage?: number }) => {
    const after = position === 'auto' ? (spec.baseStage ?? undefined) : position === 'end' ? undefined : Number(position);
    const r = await perform('add the stage', planAddStage({ ...spec, name, after }));
    if (r.ok) {
      useGraphEditStore.getState().closeDialog();
      void focusSelectedStageSoon();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (image.trim()) void add({ base: image.trim() });
    else if (based) void add({ baseStage: based.index });
  };
  const placeholder = image.trim() ? defaultStageName(image) : based ? defaultStageName(based.name ?? based.base) : 'from the base';

  return (
    <DialogFrame title={based ? `Add a stage based on ${stageCalled(based)}` : 'Add a stage'} testId="add-stage-dialog" wide onClose={() => close(baseStage)}>
      <form className="graph-dialog__fields graph-dialog__fields--row" onSubmit={submit}>
        <label className="graph-field">
          <span>Name</span>
          <input data-testid="new-stage-name" data-autofocus value={name} placeholder={placeholder} onChange={(e) => setName(e.target.value)} spellCheck={false} />
        </label>
        <label className="graph-field" title="Where it fits: right after the stage it builds on, else at the end">
          <span>Insert</span>
          <select data-testid="new-stage-position" value={position} onChange={(e) => setPosition(e.target.value)}>
            <option value="auto">where it fits</option>
            <option value="end">at the end</option>
            {stages.map((s) => (
              <option key={s.index} value={String(s.index)}>
                after {stageCalled(s)}
              </option>
            ))}
          </select>
        </label>
        {based && (
          <button type="submit" className="graph-button graph-button--primary" data-testid="add-based-on-submit" disabled={busy}>
            Add a stage based on {stageCalled(based)}
          </button>
        )}
      </form>

      {PALETTE_GROUPS.map((g) => (
        <fieldset key={g.role} className="palette-group">
          <legend>{g.title}</legend>
          <div className="palette">
            {PALETTE.filter((p) => p.role === g.role).map((p) => (
              <button
                key={p.id}
                type="button"
                className="palette__item"
                data-testid={`palette-${p.id}`}
                aria-label={`Add a stage FROM ${p.image}`}
                title={`${p.hint}: FROM ${p.image}`}
                disabled={busy}
                onClick={() => void add({ base: p.image })}
              >
                <span className="palette__label">{p.label}</span>
                <span className="palette__image">{p.image}</span>
              </button>
            ))}
          </div>
        </fieldset>
      ))}

      {stages.length > 0 && (
        <fieldset className="palette-group">
          <legend>Based on a stage</legend>
          <div className="palette">
            {stages.map((s) => (
              <button
                key={s.index}
                type="button"
                className={`palette__item${s.index === baseStage ? ' is-chosen' : ''}`}
                data-testid={`palette-stage-${s.index}`}
                aria-label={`Add a stage based on stage ${stageCalled(s)}`}
                disabled={busy}
                onClick={() => void add({ baseStage: s.index })}
              >
                <span className="palette__label">{stageCalled(s)}</span>
                <span className="palette__image">FROM {s.name ?? `#${s.index}`}</span>
              </button>
            ))}
          </div>
        </fieldset>
      )}

      <form className="graph-dialog__fields graph-dialog__inline" onSubmit={submit}>
        <label className="graph-field graph-field--grow">
          <span>Other image</span>
          <input data-testid="new-stage-image" value={image} placeholder="registry/image:tag" onChange={(e) => setImage(e.target.value)} spellCheck={false} />
        </label>
        <button type="submit" className="graph-button" data-testid="new-stage-image-add" disabled={busy || image.trim() === ''} aria-label="Add a stage from this image">
          Add
        </button>
      </form>
    </DialogFrame>
  );
}

// ------------------------------------------------------------------------------ connect

type How = 'copy' | 'base' | 'mount';

function ConnectDialog({ dialog }: { dialog: Extract<Dialog, { kind: 'connect' }> }) {
  const analysis = useWorkspaceStore((s) => s.analysis);
  const fromIndex = stageIndexOf(dialog.from);
  const stages = analysis?.stages ?? [];
  const [to, setTo] = useState<number | null>(() => {
    if (dialog.to !== null) return dialog.to;
    const later = stages.find((s) => fromIndex === null || s.index > fromIndex);
    return later ? later.index : (stages.find((s) => s.index !== fromIndex)?.index ?? null);
  });
  const fromName = nodeCalled(analysis, dialog.from);
  const toStage = to === null ? undefined : stages[to];

  return (
    <DialogFrame
      title={
        <>
          Connect {fromName} <span aria-hidden="true">→</span>
          <span className="visually-hidden"> to </span> {toStage ? stageCalled(toStage) : '…'}
        </>
      }
      testId="connect-dialog"
      onClose={() => close(fromIndex ?? to)}
    >
      {dialog.to === null && (
        <label className="graph-field">
          <span>To stage</span>
          <select data-testid="connect-to" value={to ?? ''} onChange={(e) => setTo(e.target.value === '' ? null : Number(e.target.value))}>
            {stages
              .filter((s) => s.index !== fromIndex)
              .map((s) => (
                <option key={s.index} value={s.index}>
                  {stageCalled(s)}
                </option>
              ))}
          </select>
        </label>
      )}
      {to !== null && analysis && <ConnectForm key={`${dialog.from}->${to}`} from={dialog.from} to={to} />}
    </DialogFrame>
  );
}

function ConnectForm({ from, to }: { from: string; to: number }) {
  const analysis = useWorkspaceStore((s) => s.analysis)!;
  const busy = useGraphEditStore((s) => s.busy);
  const fromIndex = stageIndexOf(from);
  const source: number | string = fromIndex ?? from.slice('image:'.length);
  const fromName = nodeCalled(analysis, from);
  const toName = stageCalled(analysis.stages[to]);
  const lines = useWorkspaceStore.getState().workspace.dockerfile.split(/\r?\n/);

  const [initial] = useState(() => suggestCopy({ lines, analysis, from: source, to }));
  const [runs] = useState(() => runsOf(lines, analysis, to));
  const [how, setHow] = useState<How>('copy');
  const [src, setSrc] = useState(initial.src);
  const [dest, setDest] = useState(initial.dest);
  const [runLine, setRunLine] = useState<number | undefined>(runs.length ? runs[runs.length - 1].line : undefined);
  const [target, setTarget] = useState(() => suggestMountTarget(fromIndex !== null ? (analysis.stages[fromIndex]?.name ?? `stage-${fromIndex}`) : defaultStageName(String(source))));
  const [mountSource, setMountSource] = useState('');

  const spec = (): ConnectSpec =>
    how === 'copy'
      ? { how, from: source, to, src, dest }
      : how === 'base'
        ? { how, from: source, to }
        : { how, from: source, to, runLine, target, source: mountSource };
  const key = JSON.stringify(spec());
  const p = usePreview(key, () => planConnect(spec()));

  const apply = async (e: FormEvent) => {
    e.preventDefault();
    const r = await perform(`connect ${fromName} to ${toName}`, planConnect(spec()));
    if (r.ok) {
      useGraphEditStore.getState().closeDialog();
      void focusSelectedStageSoon(to);
    }
  };
  const name = useId();

  return (
    <form className="graph-dialog__fields" onSubmit={apply}>
      <fieldset className="connect-how">
        <legend>How does {toName} use {fromName}?</legend>
        <label>
          <input type="radio" name={name} value="copy" data-testid="connect-how-copy" checked={how === 'copy'} onChange={() => setHow('copy')} />
          Copy artifacts <code>COPY --from</code>
        </label>
        <label>
          <input type="radio" name={name} value="base" data-testid="connect-how-base" checked={how === 'base'} onChange={() => setHow('base')} />
          Build on it <code>FROM</code>
        </label>
        <label>
          <input type="radio" name={name} value="mount" data-testid="connect-how-mount" checked={how === 'mount'} onChange={() => setHow('mount')} />
          Mount it in a RUN <code>RUN --mount</code>
        </label>
      </fieldset>

      {how === 'copy' && (
        <>
          <label className="graph-field">
            <span>Copy from (in {fromName})</span>
            <input data-testid="connect-src" value={src} placeholder="/path/in/source" onChange={(e) => setSrc(e.target.value)} spellCheck={false} />
          </label>
          <label className="graph-field">
            <span>Copy to (in {toName})</span>
            <input data-testid="connect-dest" value={dest} placeholder="/path/in/target" onChange={(e) => setDest(e.target.value)} spellCheck={false} />
          </label>
          <p className="graph-dialog__note">Prefilled: {initial.reason}.</p>
        </>
      )}
      {how === 'mount' && (
        <>
          <label className="graph-field">
            <span>Into the RUN</span>
            <select data-testid="connect-run" value={runLine ?? ''} onChange={(e) => setRunLine(e.target.value === '' ? undefined : Number(e.target.value))}>
              {runs.length === 0 && <option value="">{toName} has no RUN</option>}
              {runs.map((r) => (
                <option key={r.line} value={r.line}>
                  line {r.line}: {r.text.length > 60 ? `${r.text.slice(0, 59)}…` : r.text}
                </option>
              ))}
            </select>
          </label>
          <label className="graph-field">
            <span>Mounted at</span>
            <input data-testid="connect-target" value={target} onChange={(e) => setTarget(e.target.value)} spellCheck={false} />
          </label>
          <label className="graph-field">
            <span>Path in {fromName} (optional)</span>
            <input data-testid="connect-source" value={mountSource} placeholder="/ (all of it)" onChange={(e) => setMountSource(e.target.value)} spellCheck={false} />
          </label>
        </>
      )}

      <PreviewBox preview={p} />
      <div className="graph-dialog__buttons">
        <button type="submit" className="graph-button graph-button--primary" data-testid="connect-apply" disabled={busy || !p?.ok}>
          Connect
        </button>
        <button type="button" className="graph-button" onClick={() => close(to)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

// ------------------------------------------------------------------------------ delete a stage

function DeleteStageDialog({ dialog }: { dialog: Extract<Dialog, { kind: 'delete-stage' }> }) {
  const stages = useWorkspaceStore((s) => s.analysis?.stages ?? []);
  const busy = useGraphEditStore((s) => s.busy);
  const descId = useId();
  const stage = stages[dialog.stage];
  if (!stage) return null;
  const name = stageCalled(stage);
  const confirm = async () => {
    const r = await perform(`delete ${name}`, planDeleteStage(dialog.stage));
    if (r.ok) {
      useGraphEditStore.getState().closeDialog();
      void focusSelectedStageSoon(Math.max(0, dialog.stage - 1));
    }
  };
  return (
    <DialogFrame title={`Delete stage ${name}?`} testId="delete-stage-dialog" role="alertdialog" describedBy={descId} onClose={() => close(dialog.stage)}>
      <div id={descId}>
        <p>
          Lines {stage.line}–{stage.endLine} go, with the comments that belong to them.
        </p>
        {dialog.broken.length > 0 ? (
          <>
            <p>
              <strong>
                {dialog.broken.length} reference{dialog.broken.length === 1 ? '' : 's'} to it will break
              </strong>{' '}
              (left as written):
            </p>
            <ul className="broken-references" data-testid="broken-references">
              {dialog.broken.map((b, i) => (
                <li key={i} data-line={b.reference.line}>
                  {describeBroken(b, stages, dialog.stage)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p data-testid="no-broken-references">No other stage refers to it.</p>
        )}
      </div>
      <div className="graph-dialog__buttons">
        <button type="button" className="graph-button graph-button--danger" data-testid="confirm-delete-stage" disabled={busy} onClick={() => void confirm()}>
          Delete stage {name}
        </button>
        <button type="button" className="graph-button" data-autofocus onClick={() => close(dialog.stage)}>
          Cancel
        </button>
      </div>
    </DialogFrame>
  );
}

// ------------------------------------------------------------------------------ replace a base

function ReplaceBaseDialog({ dialog }: { dialog: Extract<Dialog, { kind: 'replace-base' }> }) {
  const analysis = useWorkspaceStore((s) => s.analysis);
  const busy = useGraphEditStore((s) => s.busy);
  const stage = analysis?.stages[dialog.stage];
  const [value, setValue] = useState(() => rootImageOf(analysis, dialog.from));
  const listId = useId();
  const p = usePreview(`${dialog.stage}:${value}`, () => (stage ? planDeleteEdge({ kind: 'base', from: dialog.from, to: dialog.stage, line: stage.line }, value) : null));
  if (!stage || !analysis) return null;
  const name = stageCalled(stage);
  const apply = async (e: FormEvent) => {
    e.preventDefault();
    const r = await perform(`replace the base of ${name}`, planDeleteEdge({ kind: 'base', from: dialog.from, to: dialog.stage, line: stage.line }, value));
    if (r.ok) {
      useGraphEditStore.getState().closeDialog();
      useGraphEditStore.getState().selectEdge(null);
      void focusSelectedStageSoon(dialog.stage);
    }
  };
  return (
    <DialogFrame title={`Remove the FROM arrow: ${name} builds on ${nodeCalled(analysis, dialog.from)}`} testId="replace-base-dialog" onClose={() => close(dialog.stage)}>
      <form className="graph-dialog__fields" onSubmit={apply}>
        <p>Every stage builds on something. What should {name} build on instead?</p>
        <label className="graph-field">
          <span>New base</span>
          <input data-testid="replace-base-input" list={listId} value={value} placeholder="alpine:3.22, or an earlier stage's name" onChange={(e) => setValue(e.target.value)} spellCheck={false} />
        </label>
        <BaseOptions id={listId} stage={dialog.stage} />
        <PreviewBox preview={p} />
        <div className="graph-dialog__buttons">
          <button type="submit" className="graph-button graph-button--primary" data-testid="replace-base-apply" disabled={busy || !p?.ok}>
            Replace base
          </button>
          <button type="button" className="graph-button" onClick={() => close(dialog.stage)}>
            Cancel
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}

/** The image at the root of a base chain (`stage:2` -> the image stage 2's chain starts from). */
function rootImageOf(analysis: ReturnType<typeof useWorkspaceStore.getState>['analysis'], from: string): string {
  if (from.startsWith('image:')) return '';
  let s = analysis?.stages[stageIndexOf(from) ?? -1];
  for (let guard = 0; s && s.baseStage !== null && guard < 1000; guard++) s = analysis?.stages[s.baseStage];
  return s?.base ?? '';
}

/** Suggestions for a base: the palette's images and the names of the earlier stages. */
export function BaseOptions({ id, stage }: { id: string; stage: number }) {
  const names = useWorkspaceStore((s) => (s.analysis?.stages ?? []).filter((x) => x.index < stage && x.name).map((x) => x.name!).join('\n'));
  return (
    <datalist id={id}>
      {names
        .split('\n')
        .filter((n) => n !== '')
        .map((n) => (
          <option key={`stage:${n}`} value={n}>
            stage {n}
          </option>
        ))}
      {PALETTE.map((p) => (
        <option key={p.id} value={p.image}>
          {p.label}
        </option>
      ))}
    </datalist>
  );
}
