/** The user's workspace: the only state the playground owns; everything else is derived. */
export interface Workspace {
  dockerfile: string;
  /** context paths, '/'-separated, relative (Dockerfile and .dockerignore are implied) */
  files: string[];
  /** text of .dockerignore ('' = none) */
  dockerignore: string;
  /** target stage name as typed, or null for the default (last stage) */
  target: string | null;
  buildArgs: Record<string, string>;
  /** id of the gallery example this workspace started from, if any */
  example: string | null;
}

export const emptyWorkspace: Workspace = {
  dockerfile: '',
  files: [],
  dockerignore: '',
  target: null,
  buildArgs: {},
  example: null,
};
