/** The target chooser: the default (last stage), then one option per stage. */
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { stageLabel } from '../graph/StageNode.tsx';

export function TargetSelect() {
  const stages = useWorkspaceStore((s) => s.analysis?.stages);
  const target = useWorkspaceStore((s) => s.workspace.target);
  const setTarget = useWorkspaceStore((s) => s.setTarget);
  const list = stages ?? [];
  const last = list[list.length - 1];
  // --target is matched case-insensitively (convert.go resolveTarget), so is the option
  const chosen = target === null ? undefined : [...list].reverse().find((s) => s.name !== null && s.name === target.toLowerCase());
  const value = target === null ? '' : (chosen?.name ?? target);
  return (
    <label className="toolbar__field">
      <span>Target</span>
      <select data-testid="target-select" value={value} onChange={(e) => setTarget(e.target.value === '' ? null : e.target.value)}>
        <option value="">{last ? `default: last stage (${stageLabel(last)})` : 'default: last stage'}</option>
        {list.map((s) =>
          s.name !== null ? (
            <option key={s.index} value={s.name}>
              {s.name}
            </option>
          ) : (
            <option key={s.index} value={`#${s.index}`} disabled>
              #{s.index} (unnamed: --target needs a name)
            </option>
          ),
        )}
        {target !== null && !chosen && <option value={target}>{target} (no such stage)</option>}
      </select>
    </label>
  );
}
