/** The engine's input for a workspace: exactly what the CLI would read from a folder. */
import type { AnalyzeInput } from '../../core/types.ts';
import type { Workspace } from '../workspace.ts';
import { contextFilesOf } from '../store/contextPaths.ts';

export function analyzeInputOf(workspace: Workspace): AnalyzeInput {
  return {
    dockerfile: workspace.dockerfile,
    files: contextFilesOf(workspace),
    dockerignore: workspace.dockerignore === '' ? null : workspace.dockerignore,
    target: workspace.target,
    buildArgs: workspace.buildArgs,
  };
}
