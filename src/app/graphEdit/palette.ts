/**
 * The bases a person adds a stage from (issue 6): the images most multi-stage builds start
 * from, with current tags (distroless as `nonroot`: pinned to a tag, and not running as root,
 * so neither UnpinnedBaseImage nor RootInFinalStage has anything to say about a fresh stage). `role` says what the image is usually for, which only decides how
 * the palette groups them; the text written is always `FROM <image> AS <name>`.
 */
import { stageNameFromImage } from '../../core/edit/stageName.ts';

export interface PaletteBase {
  /** stable id (also the test id suffix) */
  id: string;
  /** what the palette shows */
  label: string;
  /** the image reference written into FROM */
  image: string;
  role: 'build' | 'runtime' | 'minimal';
  /** one line on what it is for */
  hint: string;
}

export const PALETTE: readonly PaletteBase[] = [
  { id: 'golang', label: 'golang', image: 'golang:1.24', role: 'build', hint: 'Go toolchain' },
  { id: 'node', label: 'node', image: 'node:22', role: 'build', hint: 'Node.js with npm, full Debian' },
  { id: 'node-slim', label: 'node slim', image: 'node:22-slim', role: 'build', hint: 'Node.js on slim Debian' },
  { id: 'node-alpine', label: 'node alpine', image: 'node:22-alpine', role: 'build', hint: 'Node.js on Alpine' },
  { id: 'python', label: 'python', image: 'python:3.13', role: 'build', hint: 'Python with build tools' },
  { id: 'python-slim', label: 'python slim', image: 'python:3.13-slim', role: 'runtime', hint: 'Python on slim Debian' },
  { id: 'rust', label: 'rust', image: 'rust:1.87', role: 'build', hint: 'Rust toolchain with cargo' },
  { id: 'temurin-jdk', label: 'temurin JDK', image: 'eclipse-temurin:21-jdk', role: 'build', hint: 'Java 21 JDK' },
  { id: 'temurin-jre', label: 'temurin JRE', image: 'eclipse-temurin:21-jre', role: 'runtime', hint: 'Java 21 runtime only' },
  { id: 'maven', label: 'maven', image: 'maven:3.9-eclipse-temurin-21', role: 'build', hint: 'Maven on Java 21' },
  { id: 'gradle', label: 'gradle', image: 'gradle:8-jdk21', role: 'build', hint: 'Gradle on Java 21' },
  { id: 'alpine', label: 'alpine', image: 'alpine:3.22', role: 'minimal', hint: 'small Linux with apk' },
  { id: 'debian-slim', label: 'debian slim', image: 'debian:bookworm-slim', role: 'minimal', hint: 'Debian without docs and extras' },
  { id: 'ubuntu', label: 'ubuntu', image: 'ubuntu:24.04', role: 'minimal', hint: 'Ubuntu LTS' },
  { id: 'busybox', label: 'busybox', image: 'busybox:1.37', role: 'minimal', hint: 'a shell and core tools in 1 MB' },
  { id: 'nginx', label: 'nginx', image: 'nginx:1.27-alpine', role: 'runtime', hint: 'serve static files' },
  { id: 'distroless-static', label: 'distroless static', image: 'gcr.io/distroless/static-debian12:nonroot', role: 'runtime', hint: 'static binaries, no shell' },
  { id: 'distroless-base', label: 'distroless base', image: 'gcr.io/distroless/base-debian12:nonroot', role: 'runtime', hint: 'glibc binaries, no shell' },
  { id: 'distroless-nodejs', label: 'distroless nodejs', image: 'gcr.io/distroless/nodejs22-debian12:nonroot', role: 'runtime', hint: 'Node.js runtime, no shell' },
  { id: 'distroless-python', label: 'distroless python', image: 'gcr.io/distroless/python3-debian12:nonroot', role: 'runtime', hint: 'Python runtime, no shell' },
  { id: 'scratch', label: 'scratch', image: 'scratch', role: 'runtime', hint: 'an empty filesystem' },
];

export const PALETTE_GROUPS: readonly { role: PaletteBase['role']; title: string }[] = [
  { role: 'build', title: 'Build' },
  { role: 'runtime', title: 'Run' },
  { role: 'minimal', title: 'Base OS' },
];

/**
 * The name a new stage gets by default, as the core derives it (`golang:1.24` -> `golang`,
 * `gcr.io/distroless/static-debian12` -> `static-debian12`). Shown as the name field's
 * placeholder; the core makes it unique.
 */
export function defaultStageName(image: string): string {
  return stageNameFromImage(image);
}
