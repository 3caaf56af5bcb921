/** One line about each Dockerfile instruction and its flags, for completion and hover. */

export interface InstructionDoc {
  keyword: string;
  summary: string;
  /** snippet inserted after the keyword */
  snippet: string;
  flags: { name: string; summary: string; takesValue: boolean }[];
}

const reference = 'https://docs.docker.com/reference/dockerfile/';

export const INSTRUCTIONS: InstructionDoc[] = [
  { keyword: 'FROM', summary: 'Start a build stage from an image, an earlier stage, or scratch. `AS name` names the stage.', snippet: 'FROM ${1:image} AS ${2:name}', flags: [{ name: 'platform', summary: 'Platform of the base image, e.g. `$BUILDPLATFORM`.', takesValue: true }] },
  { keyword: 'RUN', summary: 'Run a command in a new layer of the stage.', snippet: 'RUN ${1:command}', flags: [
    { name: 'mount', summary: 'Mount a cache, a bind from a stage or the context, a secret, ssh or tmpfs: `type=cache,target=/root/.cache`.', takesValue: true },
    { name: 'network', summary: '`default`, `none` or `host`.', takesValue: true },
    { name: 'security', summary: '`sandbox` or `insecure`.', takesValue: true },
  ] },
  { keyword: 'COPY', summary: 'Copy files from the build context, a stage (`--from`) or an image into the stage.', snippet: 'COPY ${1:src} ${2:dest}', flags: [
    { name: 'from', summary: 'Copy from a build stage (name or index) or an image instead of the context.', takesValue: true },
    { name: 'chown', summary: 'Owner of the copied files: `user:group`.', takesValue: true },
    { name: 'chmod', summary: 'Permissions of the copied files, e.g. `755`.', takesValue: true },
    { name: 'link', summary: 'Copy into an independent layer.', takesValue: false },
    { name: 'parents', summary: 'Keep the parent directories of the sources.', takesValue: false },
    { name: 'exclude', summary: 'Leave out paths matching a pattern (Dockerfile syntax 1.19+).', takesValue: true },
  ] },
  { keyword: 'ADD', summary: 'Like COPY, and also fetches URLs and git repositories and unpacks local archives.', snippet: 'ADD ${1:src} ${2:dest}', flags: [
    { name: 'from', summary: 'Add from a build stage or an image instead of the context.', takesValue: true },
    { name: 'chown', summary: 'Owner of the added files.', takesValue: true },
    { name: 'chmod', summary: 'Permissions of the added files.', takesValue: true },
    { name: 'checksum', summary: 'Verify a remote source: `sha256:...`.', takesValue: true },
    { name: 'keep-git-dir', summary: 'Keep the `.git` directory of a git source.', takesValue: false },
    { name: 'link', summary: 'Add into an independent layer.', takesValue: false },
    { name: 'exclude', summary: 'Leave out paths matching a pattern.', takesValue: true },
  ] },
  { keyword: 'WORKDIR', summary: 'Set (and create) the working directory for the instructions that follow.', snippet: 'WORKDIR ${1:/app}', flags: [] },
  { keyword: 'ENV', summary: 'Set environment variables: `ENV KEY=value`.', snippet: 'ENV ${1:KEY}=${2:value}', flags: [] },
  { keyword: 'ARG', summary: 'Declare a build argument, set with `--build-arg`. Before the first FROM it can be used in FROM lines.', snippet: 'ARG ${1:NAME}', flags: [] },
  { keyword: 'LABEL', summary: 'Add metadata to the image: `LABEL key=value`.', snippet: 'LABEL ${1:key}=${2:value}', flags: [] },
  { keyword: 'EXPOSE', summary: 'Document the ports the container listens on.', snippet: 'EXPOSE ${1:8080}', flags: [] },
  { keyword: 'USER', summary: 'Set the user (and group) for the instructions that follow and for the container.', snippet: 'USER ${1:65532:65532}', flags: [] },
  { keyword: 'CMD', summary: 'Default command of the container (exec form: `CMD ["bin", "arg"]`).', snippet: 'CMD ["${1:command}"]', flags: [] },
  { keyword: 'ENTRYPOINT', summary: 'The executable the container runs (exec form: `ENTRYPOINT ["bin"]`).', snippet: 'ENTRYPOINT ["${1:/app}"]', flags: [] },
  { keyword: 'VOLUME', summary: 'Declare mount points for external volumes.', snippet: 'VOLUME ${1:/data}', flags: [] },
  { keyword: 'SHELL', summary: 'Set the shell used by the shell form of RUN, CMD and ENTRYPOINT.', snippet: 'SHELL ["${1:/bin/sh}", "-c"]', flags: [] },
  { keyword: 'HEALTHCHECK', summary: 'Tell the runtime how to check the container is healthy.', snippet: 'HEALTHCHECK CMD ${1:command}', flags: [
    { name: 'interval', summary: 'Time between checks.', takesValue: true },
    { name: 'timeout', summary: 'Time a check may take.', takesValue: true },
    { name: 'start-period', summary: 'Grace period after start.', takesValue: true },
    { name: 'retries', summary: 'Failures before unhealthy.', takesValue: true },
  ] },
  { keyword: 'STOPSIGNAL', summary: 'The signal that stops the container.', snippet: 'STOPSIGNAL ${1:SIGTERM}', flags: [] },
  { keyword: 'ONBUILD', summary: 'An instruction that runs when another build uses this image as its base.', snippet: 'ONBUILD ${1:instruction}', flags: [] },
  { keyword: 'MAINTAINER', summary: 'Deprecated: use `LABEL org.opencontainers.image.authors=...`.', snippet: 'MAINTAINER ${1:name}', flags: [] },
];

export function docUrlOf(keyword: string): string {
  return `${reference}#${keyword.toLowerCase()}`;
}

export function instructionDocOf(keyword: string): InstructionDoc | undefined {
  const upper = keyword.toUpperCase();
  return INSTRUCTIONS.find((d) => d.keyword === upper);
}

/** Escape text for Monaco markdown, so names from the Dockerfile show as text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, (c) => `\\${c}`);
}
