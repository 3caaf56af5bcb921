/**
 * The fields a stage node turns into: its name (rename: F2 or double-click) and its base
 * (change base). Enter applies, Escape or leaving the field cancels; a refusal is shown under
 * the field, which stays open so the person can correct it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { StageInfo } from '../../core/types.ts';
import { useGraphEditStore } from './graphEditStore.ts';
import { perform, planChangeBase, planRename, type Planner } from './actions.ts';
import { focusSelectedStageSoon, refocusStage } from './commands.ts';
import { stageCalled } from './describe.ts';
import { BaseOptions } from './GraphDialogs.tsx';

interface FieldProps {
  stage: StageInfo;
  initial: string;
  label: string;
  testId: string;
  what: string;
  plan(value: string): Planner;
  list?: string;
  className: string;
}

function InlineField({ stage, initial, label, testId, what, plan, list, className }: FieldProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const cancel = () => {
    useGraphEditStore.getState().stopInline();
    refocusStage(stage.index);
  };
  const commit = async () => {
    if (busy.current) return;
    busy.current = true;
    const r = await perform(what, plan(value));
    busy.current = false;
    if (r.ok) {
      useGraphEditStore.getState().stopInline();
      void focusSelectedStageSoon(stage.index);
    } else {
      setError(r.reason);
      input.current?.focus();
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  };
  // clicks inside the field are not clicks on the node (which would move the focus to the editor)
  const stop = (e: SyntheticEvent) => e.stopPropagation();

  return (
    <span className={`inline-field nodrag nopan ${className}`} onClick={stop} onDoubleClick={stop}>
      <input
        ref={input}
        className="inline-field__input nodrag"
        data-testid={testId}
        aria-label={label}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        list={list}
        value={value}
        spellCheck={false}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (!busy.current) useGraphEditStore.getState().stopInline();
        }}
      />
      {error && (
        <span id={errorId} className="inline-field__error" role="alert" data-testid={`${testId}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </span>
      )}
    </span>
  );
}

export function InlineRename({ stage }: { stage: StageInfo }) {
  return (
    <InlineField
      stage={stage}
      initial={stage.nameAsWritten ?? stage.name ?? ''}
      label={`New name for stage ${stageCalled(stage)} (Enter to rename, Escape to cancel)`}
      testId="stage-rename-input"
      what={`rename ${stageCalled(stage)}`}
      plan={(v) => planRename(stage.index, v)}
      className="inline-field--name"
    />
  );
}

export function InlineBase({ stage }: { stage: StageInfo }) {
  const listId = useId();
  return (
    <>
      <InlineField
        stage={stage}
        initial={stage.base}
        label={`New base for stage ${stageCalled(stage)}: an image or an earlier stage (Enter to apply, Escape to cancel)`}
        testId="stage-base-input"
        what={`change the base of ${stageCalled(stage)}`}
        plan={(v) => planChangeBase(stage.index, v)}
        list={listId}
        className="inline-field--base"
      />
      <BaseOptions id={listId} stage={stage.index} />
    </>
  );
}
