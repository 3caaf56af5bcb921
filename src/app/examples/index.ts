/**
 * The examples gallery: realistic multi-stage Dockerfiles with their build context and
 * .dockerignore, each with a short "what to notice". One file per example; ids are stable
 * (share links store them).
 */
import type { Workspace } from '../workspace.ts';
import type { Example } from './types.ts';
import { goDistroless } from './goDistroless.ts';
import { goScratch } from './goScratch.ts';
import { nodeTypescript } from './nodeTypescript.ts';
import { viteNginx } from './viteNginx.ts';
import { pythonWheels } from './pythonWheels.ts';
import { pythonVenv } from './pythonVenv.ts';
import { rustCachedDeps } from './rustCachedDeps.ts';
import { javaSpringLayers } from './javaSpringLayers.ts';
import { testStage } from './testStage.ts';
import { cacheMounts } from './cacheMounts.ts';
import { secretMount } from './secretMount.ts';
import { externalToolsImage } from './externalToolsImage.ts';
import { argVariants } from './argVariants.ts';

export type { Example } from './types.ts';

export const examples: Example[] = [
  goDistroless,
  goScratch,
  nodeTypescript,
  viteNginx,
  pythonWheels,
  pythonVenv,
  rustCachedDeps,
  javaSpringLayers,
  testStage,
  cacheMounts,
  secretMount,
  externalToolsImage,
  argVariants,
];

export function exampleById(id: string | null | undefined): Example | undefined {
  return id == null ? undefined : examples.find((e) => e.id === id);
}

/** The examples as shipped (after and before), for "is this work only an untouched example?" checks. */
export function pristineWorkspaces(): Workspace[] {
  return examples.flatMap((e) => (e.before ? [e.workspace, e.before] : [e.workspace]));
}
