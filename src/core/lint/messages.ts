/** Message texts of Stagecraft's own rules (BuildKit's are `fmt` in registry.ts). */
export const ruleMessage = {
  InstallAfterCopyAll: (step: string, copyLine: number) =>
    `'${step}' runs after the whole context was copied (line ${copyLine}): any source change re-runs it; copy the dependency manifests first, install, then copy the rest`,
  ToolchainInFinalStage: (image: string, kind: string) =>
    `The final stage is built on ${kind} image '${image}': copy the build output into a slim, distroless or scratch base instead`,
  RootInFinalStageNoUser: (base: string) =>
    `The final stage runs as root: no USER is set, and '${base}' runs as root by default; add USER with an unprivileged user`,
  RootInFinalStageUser: (user: string) => `The final stage runs as root (USER ${user}); switch to an unprivileged user`,
  UnpinnedBaseImage: (image: string, latest: boolean) =>
    latest
      ? `Base image '${image}' uses the 'latest' tag: pin a version (and ideally a digest) for reproducible builds`
      : `Base image '${image}' has no tag, so it means 'latest': pin a version (and ideally a digest) for reproducible builds`,
  CopyAllInFinalStage: (cmd: string) =>
    `${cmd} copies the whole build context into the final stage of a multi-stage build: copy only the artifacts (COPY --from=<build stage>) or the files the image needs`,
  NoDockerignore: (what: string[]) =>
    `The build context has no .dockerignore but holds ${what.join(', ')}, which this copies into the build: add a .dockerignore that excludes them`,
  SecretInFinalImage: (file: string, dest: string | null) =>
    `Context file '${file}' looks like a secret and reaches the final image${dest ? ` at ${dest}` : ''}: exclude it in .dockerignore and use a secret mount (RUN --mount=type=secret) instead`,
  AptListsNotCleaned: () =>
    `apt-get install leaves /var/lib/apt/lists in the image: add '&& rm -rf /var/lib/apt/lists/*' to this RUN or use a cache mount (--mount=type=cache,target=/var/lib/apt)`,
  NoCacheMount: (manager: string, targets: string[]) =>
    `${manager} runs without a cache mount: add ${targets.map((t) => `--mount=type=cache,target=${t}`).join(' ')} to keep its cache between builds and out of the image`,
  UnusedStage: (index: number, targets: string[]) =>
    `Stage ${index} is built by no target: it has no name, is not the last stage and no stage that is built uses it (targets: ${targets.join(', ')})`,
};
