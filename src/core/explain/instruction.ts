/**
 * The explain panel: plain-language text for the instruction at a Dockerfile line, about THIS
 * file: what the instruction does to its stage's filesystem, which files it reads from where
 * (build context, another stage, an image, a heredoc), what it writes, whether its stage runs
 * for the current target, how it behaves in BuildKit's cache, and the scope rules that trip
 * people up (FROM only sees global ARGs, ARG must be redeclared inside a stage, WORKDIR is
 * relative to the previous one, COPY --from paths start at the source stage's root, ...).
 *
 * Everything comes from the analysis detail: expanded values from the dispatcher, reads and
 * writes from the flow model, stage facts from the graph. Semantics cite BuildKit where it
 * matters (CONTRACT.md section 3).
 */
import type { AnalysisDetail } from '../analyze.ts';
import type { Command, Mount } from '../syntax/types.ts';
import type { DispatchedCommand } from '../dispatch/types.ts';
import type { CopyStep } from '../flow/flow.ts';
import { isAbs, normalizePath, pathRelativeToWorkingDir } from '../paths.ts';
import { containsWildcards } from '../flow/tree.ts';
import { ruleMeta } from '../lint/registry.ts';
import { suggest } from '../util/suggest.ts';
import { approximateSize, formatMb, splitReference } from './imageSizes.ts';
import { groupPaths, isRemote, listShort, plural, sourceCovers, stageLabel, stageOfLine, targetChain, type CopyCommand } from './common.ts';

export interface InstructionLink {
  label: string;
  /** a lint rule id (BuildKit's or Stagecraft's) this instruction relates to */
  rule?: string;
  /** an example id of the playground gallery that shows the pattern */
  example?: string;
  /** documentation: the Dockerfile reference section, or the rule's page */
  url?: string;
}

/** Where an instruction reads from: `from` uses the vocabulary of FinalFile.from. */
export interface InstructionRead {
  from: string; // "context" | "stage:N" | "image:REF" | "heredoc" | "url"
  path: string;
}

export interface InstructionExplanation {
  title: string;
  /** plain text; paragraphs separated by a blank line */
  text: string;
  /**
   * What it reads, for display: context files as their relative paths (`src/app.ts`), other
   * sources as `stage "build": /app/dist`, `image alpine:3.20: /etc/ssl`, `heredoc <<EOF`, or a URL
   */
  reads: string[];
  /** absolute paths it writes in its stage's filesystem, as far as the analysis knows */
  writes: string[];
  links: InstructionLink[];
  /** the instruction keyword in capitals, or `# syntax` etc. for a parser directive */
  keyword: string;
  line: number;
  endLine: number;
  /** the stage it belongs to; null for global ARGs and parser directives */
  stage: number | null;
  /** whether its stage runs for the current target; null outside any stage */
  runsForTarget: boolean | null;
  /** the reads in structured form */
  readsFrom: InstructionRead[];
}

const REF = 'https://docs.docker.com/reference/dockerfile/';

const EXAMPLES = {
  lockfileFirst: { label: 'Example: copy the lockfile first, then the sources', example: 'node-typescript' },
  cacheMounts: { label: 'Example: cache mounts for package managers', example: 'cache-mounts' },
  secretMount: { label: 'Example: a secret mount for a private registry token', example: 'secret-mount' },
  distroless: { label: 'Example: build with the toolchain, ship distroless', example: 'go-distroless' },
  scratch: { label: 'Example: a static binary on scratch', example: 'go-scratch' },
  args: { label: 'Example: ARG scopes and variants', example: 'arg-variants' },
  testStage: { label: 'Example: a test stage the default target skips', example: 'test-stage' },
} satisfies Record<string, InstructionLink>;

const MANIFESTS = new Set([
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc', '.yarnrc.yml',
  'requirements.txt', 'pyproject.toml', 'poetry.lock', 'uv.lock', 'Pipfile', 'Pipfile.lock', 'setup.py', 'setup.cfg',
  'go.mod', 'go.sum', 'Cargo.toml', 'Cargo.lock', 'Gemfile', 'Gemfile.lock', 'composer.json', 'composer.lock',
  'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties',
  'mix.exs', 'mix.lock', 'packages.lock.json', 'Directory.Packages.props',
]);
const isManifest = (p: string) => {
  const b = p.slice(p.lastIndexOf('/') + 1);
  return MANIFESTS.has(b) || /^requirements[\w.-]*\.txt$/.test(b) || /\.(csproj|fsproj|sln)$/.test(b) || p.startsWith('gradle/') || p.startsWith('.mvn/');
};
/** A dependency install: the step that should see only the manifests and lockfile. */
const INSTALL_RE =
  /\b(npm\s+(ci|install|i)\b|yarn(\s+install)?\s*($|&&|;|--)|pnpm\s+(install|i)\b|pip3?\s+install|python3?\s+-m\s+pip\s+install|poetry\s+install|uv\s+(sync|pip\s+install)|go\s+mod\s+download|cargo\s+(fetch|chef\s+cook)|bundle\s+install|composer\s+install|mvnw?\b.*dependency:|gradlew?\b.*dependencies|dotnet\s+restore|mix\s+deps\.get)/;
/** Installing the project itself, which must follow its sources (pip install ., poetry install without --no-root, ...). */
const PROJECT_INSTALL_RE =
  /pip3?\s+install\b[^&;|]*\s(-e\s+)?\.(\[[^\]]*\])?(\s|$)|--no-deps|poetry\s+install(?![^&;|]*--no-root)|uv\s+sync(?![^&;|]*--no-install-project)/;
const isDependencyInstall = (cmd: Command) => cmd.kind === 'run' && INSTALL_RE.test(cmd.node.original) && !PROJECT_INSTALL_RE.test(cmd.node.original);

/** `dockerfile2llb/platform.go` `defaultArgs`: predeclared, visible in a stage once declared. */
const BUILTIN_ARGS = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDOSVERSION', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETOSVERSION', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
]);
const ARCHIVE_RE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;

function quote(s: string): string {
  return `"${s}"`;
}

/** The explanation of the instruction at a 1-based line, or null when no instruction is there. */
export function explainInstruction(detail: AnalysisDetail, line: number): InstructionExplanation | null {
  const d = detail.dispatch;
  if (!d || !Number.isInteger(line) || line < 1) return null;
  const instr = d.instructions;
  for (const [key, l] of Object.entries(instr.parsed.directives.lines)) {
    if (l === line) return directive(detail, key, line);
  }
  for (const m of instr.metaArgs) {
    if (line >= m.line && line <= m.endLine) return globalArg(detail, m);
  }
  for (let i = 0; i < instr.stages.length; i++) {
    const st = instr.stages[i];
    if (line >= st.from.startLine && line <= st.from.endLine) return fromInstruction(detail, i);
    for (const cmd of st.commands) {
      if (line >= cmd.line && line <= cmd.endLine) return commandInstruction(detail, i, cmd);
    }
  }
  return null;
}

// ------------------------------------------------------------------------------------ helpers

class Builder {
  paragraphs: string[][] = [[]];
  /** sentences to say later, in a paragraph of their own */
  deferred: string[] = [];
  reads: string[] = [];
  readsFrom: InstructionRead[] = [];
  writes: string[] = [];
  links: InstructionLink[] = [];
  say(...sentences: (string | false | null | undefined)[]): this {
    for (const s of sentences) if (s) this.paragraphs[this.paragraphs.length - 1].push(s);
    return this;
  }
  para(): this {
    if (this.paragraphs[this.paragraphs.length - 1].length > 0) this.paragraphs.push([]);
    return this;
  }
  read(from: string, path: string, display: string): void {
    this.readsFrom.push({ from, path });
    this.reads.push(display);
  }
  link(l: InstructionLink): void {
    const key = (x: InstructionLink) => (x.rule ? `rule:${x.rule}` : x.example ? `example:${x.example}` : `url:${x.url ?? ''}|${x.label}`);
    if (!this.links.some((x) => key(x) === key(l))) this.links.push(l);
  }
  rule(id: string, label?: string): void {
    const meta = ruleMeta(id);
    this.link({ label: label ?? (meta ? `${id}: ${meta.description}` : id), rule: id, ...(meta?.url ? { url: meta.url } : {}) });
  }
  text(): string {
    return this.paragraphs.filter((p) => p.length > 0).map((p) => p.join(' ')).join('\n\n');
  }
}

function finish(
  detail: AnalysisDetail,
  b: Builder,
  o: { title: string; keyword: string; line: number; endLine: number; stage: number | null; docs?: string },
): InstructionExplanation {
  // Diagnostics on this instruction's lines link to their rules.
  // Diagnostics on this instruction's lines link to their rules, labelled with the finding.
  for (const diag of detail.analysis.diagnostics) {
    if (diag.line < o.line || diag.line > o.endLine) continue;
    const label = `${diag.rule}: ${diag.message}`;
    const same = b.links.find((l) => l.rule === diag.rule);
    if (same) Object.assign(same, { label, url: diag.url });
    else b.link({ label, rule: diag.rule, url: diag.url });
  }
  if (o.docs) b.link({ label: `Dockerfile reference: ${o.keyword}`, url: REF + o.docs });
  const runs = o.stage === null ? null : detail.analysis.needed.includes(o.stage);
  return {
    title: o.title,
    text: b.text(),
    reads: b.reads,
    writes: [...new Set(b.writes)],
    links: b.links,
    keyword: o.keyword,
    line: o.line,
    endLine: o.endLine,
    stage: o.stage,
    runsForTarget: runs,
    readsFrom: b.readsFrom,
  };
}

function targetLabel(detail: AnalysisDetail): string {
  const t = detail.analysis.target;
  if (t === null) return 'the target';
  const n = detail.analysis.stages[t]?.name;
  return n ? `target ${quote(n)}` : `the target (stage ${t})`;
}

/** One or two sentences: does this stage run for the target, and how do its files matter. */
function stageRole(detail: AnalysisDetail, i: number): string {
  const a = detail.analysis;
  const label = stageLabel(detail, i);
  if (a.target === null) return 'No target stage could be resolved, so BuildKit builds nothing.';
  if (i === a.target) return `${cap(label)} is the target: what it ends with is the image.`;
  const chain = targetChain(detail);
  if (chain.includes(i)) {
    return `${cap(label)} runs for ${targetLabel(detail)}, which builds on it (FROM), so its files and settings carry into the image.`;
  }
  if (a.needed.includes(i)) {
    const uses = a.edges
      .filter((e) => e.from === `stage:${i}` && a.needed.includes(e.to))
      .map((e) => `line ${e.line} ${e.kind === 'copy' ? 'copies from it' : e.kind === 'mount' ? 'mounts it' : 'builds on it'}`);
    return `${cap(label)} runs for ${targetLabel(detail)}${uses.length > 0 ? ` (${listShort([...new Set(uses)])})` : ''}, but is not shipped: only what is copied out of it reaches the image.`;
  }
  return `${cap(label)} does not run for ${targetLabel(detail)}: the target neither builds on it, copies from it nor mounts it, so BuildKit skips it. Values here are shown as written, not expanded.`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function dispatchedOf(detail: AnalysisDetail, stage: number, cmd: Command): DispatchedCommand | null {
  return detail.dispatch?.stages[stage]?.commands.find((dc) => dc.cmd === cmd) ?? null;
}

function titleOf(detail: AnalysisDetail, keyword: string, line: number, stage: number | null): string {
  return `${keyword} · line ${line}${stage !== null ? ` · ${stageLabel(detail, stage)}` : ''}`;
}

/** Commands of a stage and, before them, of the stages it builds on: the state a line sees. */
function commandsBefore(detail: AnalysisDetail, stage: number, line: number): { stage: number; cmd: Command }[] {
  const a = detail.analysis;
  const stages = detail.dispatch?.instructions.stages ?? [];
  const chain: number[] = [];
  for (let s: number | null = stage; s !== null && !chain.includes(s); s = a.stages[s]?.baseStage ?? null) chain.unshift(s);
  const out: { stage: number; cmd: Command }[] = [];
  for (const s of chain) {
    for (const cmd of stages[s]?.commands ?? []) {
      if (s === stage && cmd.line >= line) break;
      out.push({ stage: s, cmd });
    }
  }
  return out;
}

/** Which C library an image's binaries expect: null when the table cannot tell. */
function libcOf(ref: string): 'glibc' | 'musl' | 'none' | null {
  const r = splitRepo(ref);
  if (r === 'scratch' || /distroless\/static|chainguard\/static/.test(r)) return 'none';
  if (/alpine/.test(ref)) return 'musl';
  if (/^(debian|ubuntu|golang|rust|node|python|gcr\.io\/distroless\/(base|cc))/.test(r)) return 'glibc';
  return null;
}

/** `docker.io/library/golang:1.22` -> `golang` (the repository without tag or digest). */
function splitRepo(ref: string): string {
  return splitReference(ref)?.repo ?? ref;
}

/**
 * The WORKDIR before a line of a stage that was not dispatched, from the instructions as
 * written (and the dispatched state of a needed base stage); null when a variable hides it.
 */
function staticWorkdir(detail: AnalysisDetail, stage: number, line: number): string | null {
  let wd = '/';
  for (const { stage: s, cmd } of commandsBefore(detail, stage, line)) {
    if (cmd.kind !== 'workdir') continue;
    const dc = dispatchedOf(detail, s, cmd);
    if (dc) wd = workdirAfter(dc);
    else if (cmd.path.includes('$')) return null;
    else wd = normalizePath(wd, cmd.path, false);
  }
  return wd;
}

function rootBase(detail: AnalysisDetail, stage: number): string {
  const a = detail.analysis;
  const seen = new Set<number>();
  let s = stage;
  while (a.stages[s]?.baseStage !== null && a.stages[s]?.baseStage !== undefined && !seen.has(s)) {
    seen.add(s);
    s = a.stages[s].baseStage!;
  }
  return a.stages[s]?.base ?? '';
}

// --------------------------------------------------------------------------------- directives

function directive(detail: AnalysisDetail, key: string, line: number): InstructionExplanation {
  const dirs = detail.dispatch!.instructions.parsed.directives;
  const b = new Builder();
  if (key === 'syntax') {
    b.say(
      `Selects the Dockerfile frontend ${dirs.syntax ?? ''}: BuildKit fetches that frontend image and parses this file with it.`,
      '`docker/dockerfile:1` means the latest stable 1.x release, so newer syntax (heredocs, COPY --exclude, --parents) is available whatever the builder ships.',
      'Directives must come first: after any comment, blank line or instruction, this line would be an ordinary comment.',
    );
  } else if (key === 'escape') {
    b.say(
      `Sets the escape character to ${dirs.escape === '`' ? 'a backtick (`)' : 'a backslash (\\)'}.`,
      'It escapes characters in words and continues instructions on the next line; the backtick is common on Windows, where paths use backslashes.',
    );
  } else if (key === 'check') {
    b.say(
      `Configures BuildKit's build checks: ${dirs.check ?? ''}.`,
      '`skip=Rule1,Rule2` turns rules off (`skip=all`: every rule), `error=true` makes findings fail the build.',
    );
    b.link({ label: 'Build checks', url: 'https://docs.docker.com/reference/build-checks/' });
  } else {
    b.say(`A parser directive (${key}).`);
  }
  b.link({ label: 'Dockerfile reference: parser directives', url: REF + '#parser-directives' });
  return finish(detail, b, { title: `# ${key} · line ${line}`, keyword: `# ${key}`, line, endLine: line, stage: null });
}

// -------------------------------------------------------------------------------- global ARG

function globalArg(detail: AnalysisDetail, cmd: Extract<Command, { kind: 'arg' }>): InstructionExplanation {
  const d = detail.dispatch!;
  const b = new Builder();
  const stages = d.instructions.stages;
  for (const arg of cmd.args) {
    const info = d.metaArgs.find((m) => m.key === arg.key && m.line === cmd.line);
    const value = info?.value ?? null;
    const overridden = Object.hasOwn(d.buildArgs, arg.key);
    b.say(
      `Declares the global build argument ${arg.key}` +
        (arg.value !== null ? ` with default ${quote(arg.value)}` : ' without a default') +
        (overridden ? `; --build-arg sets it to ${quote(d.buildArgs[arg.key])}` : value !== null && value !== arg.value ? ` (${quote(value)} after expansion)` : '') +
        '.',
    );
    const re = new RegExp(`\\$(\\{${arg.key}\\b|${arg.key}\\b)`);
    const fromLines = stages.filter((st) => re.test(st.baseName) || (st.platform !== null && re.test(st.platform))).map((st) => st.line);
    if (fromLines.length > 0) b.say(`FROM uses it at line${fromLines.length === 1 ? '' : 's'} ${fromLines.join(', ')}.`);
    const redeclared: string[] = [];
    stages.forEach((st, i) => {
      for (const c of st.commands) {
        if (c.kind === 'arg' && c.args.some((x) => x.key === arg.key)) redeclared.push(`${stageLabel(detail, i)} at line ${c.line}`);
      }
    });
    b.say(
      `A global ARG is visible only to FROM lines. To use ${arg.key} inside a stage, write "ARG ${arg.key}" (no value) in that stage: it then takes this value.`,
      redeclared.length > 0 && `Redeclared in ${listShort(redeclared)}.`,
    );
    // Uses inside needed stages that never redeclared it: empty there (UndefinedVar).
    const missing: string[] = [];
    for (const s of d.needed) {
      for (const dc of d.stages[s]?.commands ?? []) {
        if (dc.unmatched.includes(arg.key)) missing.push(`line ${dc.cmd.line}`);
      }
    }
    if (missing.length > 0) {
      b.say(`${listShort(missing)} use${missing.length === 1 ? 's' : ''} $${arg.key} in a stage that does not redeclare it, where it expands to an empty string.`);
      b.rule('UndefinedVar');
    }
  }
  b.link(EXAMPLES.args);
  return finish(detail, b, { title: `ARG · line ${cmd.line} · global (before the first FROM)`, keyword: 'ARG', line: cmd.line, endLine: cmd.endLine, stage: null, docs: '#understand-how-arg-and-from-interact' });
}

// ---------------------------------------------------------------------------------------- FROM

function fromInstruction(detail: AnalysisDetail, i: number): InstructionExplanation {
  const a = detail.analysis;
  const d = detail.dispatch!;
  const st = d.instructions.stages[i];
  const info = a.stages[i];
  const ds = d.stages[i];
  const b = new Builder();
  const label = stageLabel(detail, i);
  if (info.baseStage !== null) {
    const parent = info.baseStage;
    const pfs = detail.flow?.stageFs.get(parent);
    const pds = d.stages[parent];
    const lastWd = pds?.commands.length ? workdirAfter(pds.commands[pds.commands.length - 1]) : null;
    b.say(
      `Starts ${label} from where ${stageLabel(detail, parent)} (line ${a.stages[parent].line}) ends: its files${pfs ? ` (${plural(pfs.files.size, 'file')} the analysis knows of)` : ''}, ENV, WORKDIR${lastWd ? ` (${lastWd})` : ''}, USER and SHELL carry over.`,
      `When ${stageLabel(detail, parent)} re-runs, every build step of this stage re-runs too.`,
    );
    b.read(`stage:${parent}`, '/', `${stageLabel(detail, parent)}: /`);
  } else if (info.base === 'scratch') {
    b.say(
      `Starts ${label} from scratch: an empty filesystem with no shell, no libc, no CA certificates and no /etc/passwd.`,
      'RUN in shell form cannot work here; copy in a static binary (and the few files it needs) from a build stage.',
    );
    b.link(EXAMPLES.scratch);
  } else {
    const size = approximateSize(info.base);
    b.say(
      `Starts ${label} from the image ${info.base}. BuildKit pulls it (or uses a cached copy); its contents are not known offline.`,
      size && `Size: ${formatMb(size.mb)} unpacked, ${formatMb(size.compressedMb)} to download (a rough approximation for ${size.matched} as of ${size.asOf}, not a measurement).`,
      size?.note && `${cap(size.note)}.`,
    );
    b.read(`image:${info.base}`, '/', `image ${info.base}`);
    if (/distroless/.test(info.base)) b.link(EXAMPLES.distroless);
    // FROM <name> where <name> is a stage that does not count (BuildKit links only EARLIER
    // stages, by exact name): CONTRACT section 3, rule 5.
    const later = a.stages.find((s) => s.index > i && s.name !== null && s.name === info.base);
    const caseOnly = a.stages.find((s) => s.index < i && s.name !== null && s.name === info.base.toLowerCase() && s.name !== info.base);
    if (later) b.say(`Stage ${quote(later.name!)} is defined later (line ${later.line}): FROM only links to stages defined before it, so this is an image pull.`);
    if (caseOnly) b.say(`It does not link to stage ${quote(caseOnly.name!)}: FROM matches stage names exactly, and image names must be lower case, so this fails to resolve.`);
  }
  if (st.baseName !== info.base || ds.fromUnmatched.length > 0) {
    const metas = d.metaArgs.filter((m) => new RegExp(`\\$(\\{${m.key}\\b|${m.key}\\b)`).test(st.baseName));
    b.say(
      `"${st.baseName}" expands to "${info.base}"${metas.length > 0 ? ` with ${listShort(metas.map((m) => `${m.key}=${quote(m.value ?? '')} (line ${m.line})`))}` : ''}.`,
      'FROM only sees ARGs declared before the first FROM; an ARG declared inside a stage does not apply here.',
    );
    if (ds.fromUnmatched.length > 0) {
      b.say(`${listShort(ds.fromUnmatched)} ${ds.fromUnmatched.length === 1 ? 'is' : 'are'} not declared before the first FROM, so ${ds.fromUnmatched.length === 1 ? 'it expands' : 'they expand'} to an empty string.`);
      b.rule('UndefinedArgInFrom');
    }
    b.link(EXAMPLES.args);
  }
  if (info.platform !== null) {
    b.say(
      `--platform=${st.platform ?? info.platform} builds this stage for ${info.platform}.`,
      /BUILDPLATFORM/.test(st.platform ?? '') && 'Using $BUILDPLATFORM runs the stage natively on the builder, the usual way to cross-compile for $TARGETPLATFORM without emulation.',
    );
  }
  b.para();
  if (info.name !== null) {
    b.say(
      `Named ${quote(info.name)}: later stages can use it as FROM ${info.name}, COPY --from=${info.name} or RUN --mount=from=${info.name}, and docker build --target ${info.name} builds up to here.`,
      info.nameAsWritten !== null && info.nameAsWritten !== info.name && `BuildKit lower-cases stage names ("${info.nameAsWritten}" becomes "${info.name}").`,
    );
  } else {
    b.say(`Unnamed: other stages can refer to it only by index (COPY --from=${i}).`);
  }
  const triggers = ds.commands.filter((dc) => dc.cmd.line === st.line);
  if (triggers.length > 0 && info.baseStage !== null) {
    b.say(`It first runs the ONBUILD instructions of ${stageLabel(detail, info.baseStage)}: ${listShort(triggers.map((t) => t.cmd.node.original.split('\n')[0]))}.`);
  }
  b.para().say(stageRole(detail, i));
  if (a.target !== null && i !== a.target && !a.needed.includes(i)) b.link(EXAMPLES.testStage);
  return finish(detail, b, { title: titleOf(detail, 'FROM', st.line, i), keyword: 'FROM', line: st.line, endLine: st.from.endLine, stage: i, docs: '#from' });
}

function workdirAfter(dc: DispatchedCommand): string {
  if (dc.cmd.kind !== 'workdir') return dc.workdir;
  const p = dc.expanded.path ?? '';
  return normalizePath(dc.workdir, p, false);
}

// ------------------------------------------------------------------------------ stage commands

function commandInstruction(detail: AnalysisDetail, i: number, cmd: Command): InstructionExplanation {
  const dc = dispatchedOf(detail, i, cmd);
  const b = new Builder();
  const keyword = cmd.node.value.toUpperCase();
  let docs = '#' + cmd.node.value;
  switch (cmd.kind) {
    case 'copy':
    case 'add':
      copyText(detail, b, i, cmd, dc);
      break;
    case 'run':
      runText(detail, b, i, cmd, dc);
      break;
    case 'workdir':
      workdirText(detail, b, i, cmd, dc);
      break;
    case 'arg':
      argText(detail, b, i, cmd, dc);
      break;
    case 'env':
      envText(detail, b, i, cmd, dc);
      break;
    case 'user':
      userText(detail, b, i, cmd, dc);
      break;
    case 'shell':
      b.say(
        `Sets the shell for shell-form RUN, CMD and ENTRYPOINT after it in ${stageLabel(detail, i)} (and in stages built FROM it) to ${JSON.stringify(cmd.shell)}.`,
        'Exec-form (JSON) instructions never use a shell.',
      );
      break;
    case 'cmd':
    case 'entrypoint':
      startupText(detail, b, i, cmd);
      break;
    case 'expose':
      b.say(
        `Records that the container listens on ${dc?.expanded.ports || cmd.ports.join(' ')}. It publishes nothing: use docker run -p (or ports: in Compose) for that.`,
      );
      configNote(detail, b, i);
      break;
    case 'volume':
      b.say(
        `Declares ${listShort(cmd.volumes.map((v, k) => dc?.expanded[`volume:${k}`] ?? v))} as a volume: docker run mounts an anonymous volume there, which starts with the image's files at that path.`,
        'Data in a volume outlives the container but is not part of the image.',
      );
      configNote(detail, b, i);
      break;
    case 'label':
      b.say(`Adds ${plural(cmd.labels.length, 'label')} to the image config: ${listShort(cmd.labels.map((l) => `${l.key}=${dc?.expanded[`value:${l.key}`] ?? l.value}`))}.`);
      if (cmd.legacy) b.rule('LegacyKeyValueFormat');
      configNote(detail, b, i);
      break;
    case 'healthcheck':
      b.say(
        cmd.none
          ? 'Turns off any health check inherited from the base image.'
          : `Tells Docker how to check that a container is healthy: it runs ${JSON.stringify(cmd.test?.slice(1) ?? [])} periodically inside the container.`,
      );
      configNote(detail, b, i);
      break;
    case 'stopsignal':
      b.say(`Sets the signal docker stop sends to the container's main process: ${dc?.expanded.signal ?? cmd.signal} (the default is SIGTERM).`);
      configNote(detail, b, i);
      break;
    case 'maintainer':
      b.say(`Records the author (${cmd.maintainer}). MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="..." instead.`);
      b.rule('MaintainerDeprecated');
      configNote(detail, b, i);
      docs = '#maintainer-deprecated';
      break;
    case 'onbuild': {
      const users = detail.analysis.stages.filter((s) => s.baseStage === i);
      b.say(
        `Stores "${cmd.expression}" as a trigger: it does nothing in ${stageLabel(detail, i)} itself, and runs when another build starts FROM this image.`,
        users.length > 0
          ? `In this file, ${listShort(users.map((u) => stageLabel(detail, u.index)))} build${users.length === 1 ? 's' : ''} FROM it and run${users.length === 1 ? 's' : ''} the trigger at ${users.length === 1 ? 'its' : 'their'} FROM line.`
          : 'No stage of this file builds FROM it.',
      );
      docs = '#onbuild';
      break;
    }
  }
  b.para().say(stageRole(detail, i));
  return finish(detail, b, { title: titleOf(detail, keyword, cmd.line, i), keyword, line: cmd.line, endLine: cmd.endLine, stage: i, docs });
}

/** Image-config instructions: they matter only in the target chain, and re-run nothing. */
function configNote(detail: AnalysisDetail, b: Builder, i: number): void {
  const inImage = targetChain(detail).includes(i);
  b.say(
    'It changes only the image config, not the filesystem, and is not a build step of its own.',
    !inImage && detail.analysis.target !== null && `${cap(stageLabel(detail, i))} is not the target and the target does not build on it, so this setting is not in the image.`,
  );
}

// ---------------------------------------------------------------------------------- COPY / ADD

function copyText(detail: AnalysisDetail, b: Builder, i: number, cmd: CopyCommand, dc: DispatchedCommand | null): void {
  const a = detail.analysis;
  const label = stageLabel(detail, i);
  const workdir = dc?.workdir ?? staticWorkdir(detail, i, cmd.line);
  const rawDest = dc?.expanded.dest ?? cmd.dest;
  const dest = pathRelativeToWorkingDir(workdir ?? '/', rawDest);
  const destShown = dest.length > 1 && dest.endsWith('/') ? dest.slice(0, -1) : dest;
  const destText = isAbs(rawDest)
    ? destShown
    : workdir === null
      ? `${rawDest} (relative to the stage's WORKDIR)`
      : `${destShown} (${quote(rawDest)} is relative to WORKDIR ${workdir})`;
  const sources = (dc?.sources ?? cmd.sources).filter((s) => s !== '');
  const step: CopyStep | undefined = detail.flow?.steps.find((s) => s.stage === i && s.line === cmd.line);
  const graph = detail.graph;
  const dep = cmd.kind === 'copy' && cmd.from ? graph?.states[i]?.deps.find((x) => x.cmd === cmd) : undefined;
  const node = dep ? graph!.states[dep.state] : undefined;

  if (cmd.contents.length > 0) {
    const names = cmd.contents.map((c) => c.path);
    const lines = cmd.contents.reduce((n, c) => n + (c.data === '' ? 0 : c.data.split('\n').length - (c.data.endsWith('\n') ? 1 : 0)), 0);
    // Heredoc files are written after the other sources (flow.ts), so they are the last ones.
    const wrote = step?.wrote ?? [];
    const targets = wrote.length >= names.length ? wrote.slice(wrote.length - names.length) : [];
    b.say(
      `Writes the heredoc ${listShort(names.map((n) => `<<${n}`))} (${plural(lines, 'line')}) to ${targets.length > 0 ? listShort(targets) : destText} in ${label}.`,
      cmd.contents.every((c) => c.expand) ? 'Variables in it are expanded, because the delimiter is not quoted.' : cmd.contents.some((c) => !c.expand) ? 'Variables in it are not expanded (quoted delimiter).' : null,
    );
    for (const n of names) b.read('heredoc', n, `heredoc <<${n}`);
  }

  const remote = sources.filter(isRemote);
  const local = sources.filter((s) => !isRemote(s));
  for (const r of remote) {
    const git = /^(git@|git:\/\/|ssh:\/\/)/.test(r) || /\.git(#.*)?$/.test(r);
    b.say(
      git
        ? `Clones the git repository ${r} into ${destText}${cmd.keepGitDir ? ', keeping the .git directory' : ''}. It is not read from the build context.`
        : `Downloads ${r} into ${destText}. It is not read from the build context${cmd.checksum ? `; --checksum=${cmd.checksum} verifies its content` : '; add --checksum=sha256:… to pin its content'}.`,
    );
    b.read('url', r, r);
  }

  if (node && node.kind === 'stage') {
    const src = node.stageIndex;
    const srcStage = a.stages[src];
    const wrote = step?.wrote ?? [];
    const opaque = wrote.filter((w) => detail.flow?.stageFs.get(i)?.get(w)?.opaque);
    b.say(
      `Copies ${listShort(local)} from ${stageLabel(detail, src)} (line ${srcStage?.line}) into ${destText} in ${label}.`,
      /^\d+$/.test(cmd.from ?? '') && `--from=${cmd.from} is a stage index.`,
      `BuildKit waits here until ${stageLabel(detail, src)} is built, and this step re-runs when that stage changes what it copies.`,
    );
    const srcWorkdir = (() => {
      const cmds = detail.dispatch?.stages[src]?.commands ?? [];
      return cmds.length > 0 ? workdirAfter(cmds[cmds.length - 1]) : '/';
    })();
    const relative = local.filter((s) => !s.startsWith('/'));
    if (relative.length > 0) {
      b.say(
        `Source paths are taken from the root of ${stageLabel(detail, src)}, not from its WORKDIR: ${listShort(relative.map((r) => `${quote(r)} means ${normalizePath('/', r, false)}`))}` +
          (srcWorkdir !== '/' ? ` (its WORKDIR ${srcWorkdir} does not apply)` : '') + '.',
      );
    }
    if (wrote.length > 0 && opaque.length < wrote.length) {
      b.say(`The analysis knows ${plural(wrote.length - opaque.length, 'file')} it brings (copied into that stage by earlier instructions).`);
    }
    if (opaque.length > 0 || wrote.length === 0) {
      b.say(`What ${local.length === 1 ? 'it holds' : 'they hold'} is made by RUN steps in ${stageLabel(detail, src)}, so the exact files are not known until the build runs.`);
    }
    for (const s of local) b.read(`stage:${src}`, normalizePath('/', s, false), `${stageLabel(detail, src)}: ${normalizePath('/', s, false)}`);
    const from = libcOf(rootBase(detail, src));
    const to = libcOf(rootBase(detail, i));
    if (/^(golang|rust)(:|$)/.test(splitRepo(rootBase(detail, src))) && from !== null && to !== null && from !== to) {
      b.say(
        `If this is a compiled binary: ${stageLabel(detail, src)} builds on ${rootBase(detail, src)} (${from === 'glibc' ? 'glibc' : 'musl'}), while ${label} runs on ${rootBase(detail, i)} (${to === 'none' ? 'no C library at all' : to}).` +
          ' A dynamically linked binary will not start there: link it statically (CGO_ENABLED=0 for Go, the musl target for Rust) or use a matching base.',
      );
    }
    b.link(EXAMPLES.distroless);
  } else if (cmd.kind === 'copy' && cmd.from) {
    const ref = node?.ref ?? cmd.from;
    const names = a.stages.map((s) => s.name).filter((n): n is string => n !== null);
    const hint = suggest(cmd.from, names, false);
    b.say(
      `Copies ${listShort(local)} from the image ${ref} into ${destText} in ${label}.`,
      `--from=${cmd.from} names no stage of this file, so BuildKit pulls ${ref} and copies from it; its files are not known offline.`,
      hint && `Did you mean stage ${quote(hint)}? A typo in --from silently becomes an image pull.`,
    );
    for (const s of local) b.read(`image:${ref}`, normalizePath('/', s, false), `image ${ref}: ${normalizePath('/', s, false)}`);
  } else if (local.length > 0) {
    contextCopyText(detail, b, i, cmd, dc, local, step, destText);
  }

  if (cmd.kind === 'add') {
    const archives = local.filter((s) => ARCHIVE_RE.test(s));
    if (archives.length > 0 && cmd.unpack !== false) {
      b.say(`ADD unpacks local tar archives: ${listShort(archives)} ${archives.length === 1 ? 'is' : 'are'} extracted into the destination, not copied as ${archives.length === 1 ? 'a file' : 'files'}.`);
    } else if (local.length > 0 && remote.length === 0 && archives.length === 0 && cmd.contents.length === 0) {
      b.say('For plain local files ADD does what COPY does; COPY is clearer unless you need extraction or a URL.');
    }
  }

  // Flags.
  const user = lastUser(detail, i, cmd.line);
  if (cmd.chown) b.say(`--chown=${dc?.expanded.chown ?? cmd.chown} sets the owner of the copied files.`);
  else if (user && !/^(root|0)(:.*)?$/.test(user)) b.say(`The files belong to root (0:0): COPY ignores USER ${user}; add --chown=${user} if that user must write them.`);
  if (cmd.chmod) b.say(`--chmod=${dc?.expanded.chmod ?? cmd.chmod} sets their permissions.`);
  if (cmd.kind === 'copy' && cmd.parents) b.say('--parents keeps each source\'s parent directories under the destination.');
  if (cmd.link) {
    b.say('--link copies onto an empty layer that is merged on top, so this step stays cached when steps before it change, and its layer can be reused on a new base.');
  }

  if (b.deferred.length > 0) {
    b.para().say(...b.deferred);
    b.deferred = [];
  }
  b.writes.push(...(step?.wrote ?? []));
}

function contextCopyText(
  detail: AnalysisDetail,
  b: Builder,
  i: number,
  cmd: CopyCommand,
  dc: DispatchedCommand | null,
  sources: string[],
  step: CopyStep | undefined,
  destText: string,
): void {
  const a = detail.analysis;
  const label = stageLabel(detail, i);
  const reads = step?.contextReads ?? [];
  const haveContext = Object.keys(a.context).length > 0;
  const needed = a.needed.includes(i);
  if (!needed) {
    b.say(`Would copy ${listShort(sources)} from the build context into ${destText} in ${label}.`);
  } else if (!haveContext) {
    b.say(`Copies ${listShort(sources)} from the build context into ${destText} in ${label}. No context files are known: import a folder or list the files to see which ones.`);
  } else if (reads.length > 0) {
    b.say(`Copies ${plural(reads.length, 'file')} from the build context (${groupPaths(reads)}) into ${destText} in ${label}.`);
  } else {
    const wild = sources.some((s) => containsWildcards(s));
    b.say(
      `Copies ${listShort(sources)} from the build context into ${destText} in ${label}, but no context file matches` +
        (wild ? ': an empty wildcard match is allowed, so it copies nothing.' : ': the build fails with "not found".'),
    );
  }
  for (const r of reads) b.read('context', r, r);
  for (const s of sources) {
    const p = normalizePath('/', s, false);
    if (p === '/') {
      b.say(`"${s}" is the whole build context, after .dockerignore.`);
    } else if (!containsWildcards(p) && reads.some((r) => r.startsWith(p.slice(1) + '/'))) {
      b.say(`${quote(s)} is a directory: its contents are copied into the destination, not the directory itself.`);
    }
  }
  if (!needed || !haveContext) return;
  const ignored = [...detail.ignored].filter((f) => sources.some((s) => sourceCovers(s, f))).sort();
  if (ignored.length > 0) {
    b.say(`.dockerignore keeps ${plural(ignored.length, 'file')} under ${sources.length === 1 ? 'it' : 'them'} out of the context (${groupPaths(ignored)}).`);
  } else if (sources.some((s) => normalizePath('/', s, false) === '/') && !('.dockerignore' in a.context)) {
    b.say('There is no .dockerignore, so everything in the folder is sent and copied (.git, node_modules, local build output, secrets in .env files...).');
  }
  if (cmd.exclude.length > 0) {
    const readSet = new Set(reads);
    const excluded = Object.keys(a.context).filter((f) => a.context[f] !== 'ignored' && !readSet.has(f) && sources.some((s) => sourceCovers(s, f)));
    b.say(`--exclude=${cmd.exclude.join(' --exclude=')} leaves out ${plural(excluded.length, 'more file')}${excluded.length > 0 ? ` (${groupPaths(excluded)})` : ''}.`);
  }
  if (reads.length > 0) {
    const via = viaThisCopy(detail, i, cmd.line);
    const here = reads.filter((r) => via.has(r)).length;
    const elsewhere = reads.filter((r) => !via.has(r) && a.context[r] === 'final').length;
    const buildOnly = reads.length - here - elsewhere;
    const parts: string[] = [];
    if (reads.length === 1) {
      parts.push(here === 1 ? 'It reaches the final image through this copy.' : elsewhere === 1 ? 'It reaches the final image through another instruction, not this one.' : 'It does not reach the final image.');
    } else if (here === reads.length) parts.push('All of them reach the final image through this copy.');
    else if (here > 0) parts.push(`${here} of them ${here === 1 ? 'reaches' : 'reach'} the final image through this copy.`);
    if (reads.length > 1 && elsewhere > 0) {
      parts.push(`${elsewhere === reads.length ? 'All of them reach' : `${elsewhere} of them ${elsewhere === 1 ? 'reaches' : 'reach'}`} the final image through another instruction, not this one.`);
    }
    if (reads.length === 1) {
      // said above
    } else if (buildOnly === reads.length) parts.push('None of them reach the final image: here they are build-only.');
    else if (buildOnly > 0) parts.push(`${buildOnly} of them ${buildOnly === 1 ? 'does' : 'do'} not reach the final image.`);
    b.say(...parts);
  }
  // Cache: this step and every build step after it re-run when any copied file changes.
  // (Said in a paragraph of its own, after the flags: see copyText.)
  const cacheStart = b.paragraphs.length;
  b.para();
  if (reads.length > 0) {
    b.say(`BuildKit re-runs this step when ${reads.length === 1 ? 'this file' : `any of these ${reads.length} files`} changes, and then every build step after it in ${label}.`);
  }
  const later = (detail.dispatch?.stages[i]?.commands ?? []).filter((x) => x.cmd.line > cmd.line && x.cmd.kind === 'run');
  const install = later.find((x) => isDependencyInstall(x.cmd));
  const nonManifest = reads.filter((r) => !isManifest(r));
  if (install && nonManifest.length > 0) {
    b.say(
      `Because ${quote(runSummary(install.cmd))} (line ${install.cmd.line}) comes after it, editing any of these files (${groupPaths(nonManifest, 3)}) installs the dependencies again.`,
      'Copy only the dependency manifests and lockfile first, install, then copy the rest.',
    );
    b.link(EXAMPLES.lockfileFirst);
  } else if (install && reads.length > 0 && nonManifest.length === 0) {
    b.say(`It copies only dependency manifests, so ${quote(runSummary(install.cmd))} at line ${install.cmd.line} stays cached while other sources change.`);
    b.link(EXAMPLES.lockfileFirst);
  }
  if (dc && dc.unmatched.length > 0) b.rule('UndefinedVar');
  b.deferred.push(...b.paragraphs.splice(cacheStart).flat());
}

function runSummary(cmd: Command): string {
  if (cmd.kind !== 'run') return cmd.node.original.split('\n')[0];
  const text = cmd.files.length > 0 ? cmd.files.map((f) => `<<${f.name}`).join(' ') : cmd.prependShell ? cmd.cmdLine.join(' ') : JSON.stringify(cmd.cmdLine);
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? one.slice(0, 77) + '...' : one;
}

function lineList(lines: number[]): string {
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
}

/**
 * The context files that reach the target's filesystem through the copy at `line` of `stage`:
 * follow every final entry back (COPY --from hops) to the context copy that made it.
 */
function viaThisCopy(detail: AnalysisDetail, stage: number, line: number): Set<string> {
  const out = new Set<string>();
  const flow = detail.flow;
  const t = detail.analysis.target;
  if (!flow || t === null) return out;
  for (const e of flow.stageFs.get(t)?.files.values() ?? []) {
    if (!e.origin) continue;
    let cur = e;
    for (let hop = 0; hop < 64; hop++) {
      if (cur.from === 'context') {
        if (cur.line === line && stageOfLine(detail, cur.line) === stage) out.add(e.origin);
        break;
      }
      if (!cur.from.startsWith('stage:')) break;
      const next = flow.stageFs.get(Number(cur.from.slice(6)))?.get(cur.source);
      if (!next) break;
      cur = next;
    }
  }
  return out;
}

function lastUser(detail: AnalysisDetail, stage: number, line: number): string | null {
  let user: string | null = null;
  for (const { stage: s, cmd } of commandsBefore(detail, stage, line)) {
    if (cmd.kind === 'user') user = dispatchedOf(detail, s, cmd)?.expanded.user ?? cmd.user;
  }
  return user;
}

// ------------------------------------------------------------------------------------------ RUN

function mountOpt(m: Mount, dc: DispatchedCommand | null, k: number, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = dc?.expanded[`mount:${k}:${key}`] ?? m.options[key];
    if (v !== undefined && v !== '') return v;
  }
  return null;
}

function runText(detail: AnalysisDetail, b: Builder, i: number, cmd: Extract<Command, { kind: 'run' }>, dc: DispatchedCommand | null): void {
  const a = detail.analysis;
  const label = stageLabel(detail, i);
  const knownWorkdir = dc?.workdir ?? staticWorkdir(detail, i, cmd.line);
  const workdir = knownWorkdir ?? '/';
  const user = lastUser(detail, i, cmd.line);
  const shell = (() => {
    let sh: string[] | null = null;
    for (const { cmd: c } of commandsBefore(detail, i, cmd.line)) if (c.kind === 'shell') sh = c.shell;
    return sh;
  })();
  const where = `${knownWorkdir !== null ? `in ${knownWorkdir}` : ''}${user ? ` as user ${user}` : ''}`.trim().replace(/^(.)/, ' $1');
  const runs = dc ? 'Runs' : 'Would run';
  if (cmd.files.length > 0) {
    b.say(`${runs} the heredoc script${cmd.files.length > 1 ? 's' : ''} ${listShort(cmd.files.map((f) => `<<${f.name}`))}${where}, in ${label}.`);
  } else if (cmd.prependShell) {
    const text = cmd.cmdLine.join(' ');
    b.say(`${runs} ${quote(text.length > 120 ? text.slice(0, 117) + '...' : text)} with ${shell ? JSON.stringify(shell) : '/bin/sh -c'}${where}, in ${label}.`);
  } else {
    b.say(`${runs} ${JSON.stringify(cmd.cmdLine)} directly (exec form: no shell, so no $VARIABLE expansion, && or pipes)${where}, in ${label}.`);
  }
  if (rootBase(detail, i) === 'scratch' && cmd.prependShell && cmd.files.length === 0) {
    b.say('This stage starts from scratch, which has no /bin/sh: a shell-form RUN fails unless an earlier step copied a shell in.');
  }
  b.say('Whatever it creates or changes outside its mounts becomes a new layer of the stage; the analysis cannot know which files that is.');

  // Mounts.
  const mountReads = (detail.flow?.steps ?? []).filter((s) => s.stage === i && s.line === cmd.line && s.from === 'context' && s.wrote.length === 0);
  let bindIdx = 0;
  let contextMounted = false;
  let hasCache = false;
  const graph = detail.graph;
  if (cmd.mounts.length > 0) b.para();
  cmd.mounts.forEach((m, k) => {
    const rawTarget = mountOpt(m, dc, k, 'target', 'dst', 'destination') ?? m.target ?? '';
    // convert_runmount.go: a relative target is joined to the working directory.
    const target = rawTarget === '' ? '' : normalizePath(workdir, rawTarget, false);
    const from = m.from;
    const dep = from ? graph?.states[i]?.deps.find((x) => x.cmd === cmd && x.mountIndex === k) : undefined;
    const node = dep ? graph!.states[dep.state] : undefined;
    const fromText = node?.kind === 'stage' ? stageLabel(detail, node.stageIndex) : from ? `image ${from}` : null;
    const src = mountOpt(m, dc, k, 'source', 'src');
    const rw = m.options.rw !== undefined || m.options.readwrite !== undefined || m.readonly === false;
    switch (m.type) {
      case 'bind': {
        if (!from) {
          contextMounted = true;
          const rs = mountReads[bindIdx++]?.contextReads ?? [];
          const what = src && src !== '.' && src !== '/' ? `${src} from the build context` : 'the whole build context';
          b.say(
            `Mounts ${what}${Object.keys(a.context).length > 0 ? ` (${plural(rs.length, 'file')})` : ''} at ${target}${rw ? ' (writable, but changes are thrown away)' : ', read-only'}: the command sees the files, the image does not get them.`,
            'A change to any of those files re-runs this step.',
          );
          for (const r of rs) b.read('context', r, r);
        } else {
          b.say(
            `Mounts ${src ?? '/'} of ${fromText} at ${target}${rw ? ' (writable, changes thrown away)' : ', read-only'}: nothing of it is stored in the image.`,
            node?.kind === 'stage' && `BuildKit waits for ${stageLabel(detail, node.stageIndex)} first, and this step re-runs when that stage changes.`,
          );
          if (node?.kind === 'stage') b.read(`stage:${node.stageIndex}`, normalizePath('/', src ?? '/', false), `${stageLabel(detail, node.stageIndex)}: ${normalizePath('/', src ?? '/', false)}`);
          else if (from) b.read(`image:${from}`, normalizePath('/', src ?? '/', false), `image ${from}: ${normalizePath('/', src ?? '/', false)}`);
        }
        break;
      }
      case 'cache': {
        hasCache = true;
        const id = mountOpt(m, dc, k, 'id');
        const sharing = mountOpt(m, dc, k, 'sharing') ?? 'shared';
        b.say(
          `A cache mount at ${target}${id ? ` (id=${id})` : ''}: its contents stay on this builder between builds (downloads, compiler caches), are never part of the image, and are not part of the cache key, so they never make this step re-run; when it does re-run, the cache makes it faster.`,
          sharing !== 'shared' && `sharing=${sharing}: ${sharing === 'locked' ? 'parallel builds wait for each other to use it' : 'each parallel build gets its own copy'}.`,
          fromText && `It starts from the contents of ${src ?? '/'} in ${fromText}.`,
        );
        break;
      }
      case 'secret': {
        const id = mountOpt(m, dc, k, 'id') ?? (target ? target.slice(target.lastIndexOf('/') + 1) : '');
        const env = mountOpt(m, dc, k, 'env');
        const at = target || (env ? '' : `/run/secrets/${id}`);
        b.say(
          `The secret ${quote(id)} is available${at ? ` at ${at}` : ''}${env ? `${at ? ' and' : ''} as $${env}` : ''} only while this command runs: it is not stored in the image, in any layer, or in the cache key (changing the secret does not re-run the step).`,
          m.options.required === 'true' && 'required=true: the build fails if the secret is not provided.',
        );
        b.link(EXAMPLES.secretMount);
        break;
      }
      case 'ssh':
        b.say(`Forwards the SSH agent${mountOpt(m, dc, k, 'id') ? ` (id=${mountOpt(m, dc, k, 'id')})` : ''} for this command only, e.g. to clone private repositories; no key ends up in the image.`);
        break;
      case 'tmpfs':
        b.say(`A tmpfs at ${target}: empty, in-memory scratch space, thrown away after the command.`);
        break;
    }
  });
  if (cmd.network) b.say(cmd.network === 'none' ? '--network=none: the command has no network access.' : cmd.network === 'host' ? '--network=host: the command uses the host network (needs the network.host entitlement).' : '');
  if (cmd.security === 'insecure') b.say('--security=insecure runs it with elevated privileges (needs the security.insecure entitlement).');

  // Cache behaviour.
  b.para();
  b.say(
    `BuildKit reuses the cached result of this step unless a step before it in ${label}${detail.analysis.stages[i]?.baseStage !== null ? ' (or in the stage it builds on)' : ''} re-ran${contextMounted ? ', or a mounted context file changed' : ''}${cmd.mounts.some((m) => m.type === 'bind' && m.from) ? ', or a mounted stage changed' : ''}.`,
    'It does not look at the network: a new upstream package version alone does not re-run it.',
  );
  const before = (detail.dispatch?.stages[i]?.commands ?? []).filter((x) => x.cmd.line < cmd.line);
  const copies = (detail.flow?.steps ?? []).filter((s) => s.stage === i && s.line < cmd.line && s.from === 'context' && s.wrote.length > 0 && before.some((x) => x.cmd.line === s.line));
  const copied = [...new Set(copies.flatMap((s) => s.contextReads))];
  if (copied.length > 0) {
    const where = lineList([...new Set(copies.map((c) => c.line))]);
    b.say(
      copied.length === 1
        ? `So it re-runs when the context file copied before it in this stage (${copied[0]}, ${where}) changes.`
        : `So it re-runs when any of the ${copied.length} context files copied before it in this stage changes (${where}).`,
    );
  }
  if (isDependencyInstall(cmd)) {
    const nonManifest = copied.filter((r) => !isManifest(r));
    if (nonManifest.length > 0) {
      b.say(
        `This looks like a dependency install, yet source files (${groupPaths(nonManifest, 3)}) are copied before it: every edit to them installs the dependencies again.`,
        'Copy only the manifests and lockfile first, install, then copy the sources.',
      );
      b.link(EXAMPLES.lockfileFirst);
    } else if (copied.length > 0) {
      b.say('Only dependency manifests are copied before it, so editing your sources leaves it cached.');
      b.link(EXAMPLES.lockfileFirst);
    }
    if (!hasCache) {
      b.say('A cache mount for the package manager\'s download directory makes a re-run much faster.');
      b.link(EXAMPLES.cacheMounts);
    }
  }
  if (dc && dc.unmatched.length > 0) {
    b.say(`${listShort(dc.unmatched.map((u) => '$' + u))} ${dc.unmatched.length === 1 ? 'is' : 'are'} not defined at this point of the stage (an ARG before the first FROM must be redeclared inside the stage).`);
    b.rule('UndefinedVar');
  }
}

// ------------------------------------------------------------------------------------- WORKDIR

function workdirText(detail: AnalysisDetail, b: Builder, i: number, cmd: Extract<Command, { kind: 'workdir' }>, dc: DispatchedCommand | null): void {
  const p = dc?.expanded.path ?? cmd.path;
  const prev = dc?.workdir ?? '/';
  const abs = normalizePath(prev, p, false);
  if (isAbs(p)) {
    b.say(`Sets the working directory of ${stageLabel(detail, i)} to ${abs} and creates it if it is missing (a small build step of its own).`);
  } else {
    b.say(`${quote(p)} is relative: it joins the previous working directory ${prev}, giving ${abs}. BuildKit creates it if it is missing.`);
    if (dc && !dc.workdirSet) {
      b.say('No WORKDIR was set before in this stage or a stage it builds on, so the base is the base image\'s working directory, which the Dockerfile does not show (assumed /). Use an absolute path.');
      b.rule('WorkdirRelativePath');
    }
  }
  b.say(
    'Every later RUN, CMD and ENTRYPOINT runs there, and relative COPY/ADD destinations and later relative WORKDIRs resolve against it.',
    'COPY sources are never relative to it: they start at the root of the build context or of the --from stage.',
    'Stages built FROM this one inherit it.',
  );
  b.writes.push(abs);
}

// ------------------------------------------------------------------------------------ ARG / ENV

function argText(detail: AnalysisDetail, b: Builder, i: number, cmd: Extract<Command, { kind: 'arg' }>, dc: DispatchedCommand | null): void {
  const d = detail.dispatch!;
  const label = stageLabel(detail, i);
  for (const arg of cmd.args) {
    const value = dc?.expanded[`value:${arg.key}`];
    const global = d.metaArgs.find((m) => m.key === arg.key);
    let how: string;
    if (Object.hasOwn(d.buildArgs, arg.key)) how = `--build-arg sets it to ${quote(d.buildArgs[arg.key])}`;
    else if (arg.value !== null) how = `default ${quote(arg.value)}${value !== undefined && value !== arg.value ? ` (${quote(value)} after expansion)` : ''}`;
    else if (global) how = `no default here, so it takes the global value ${quote(global.value ?? '')} declared before the first FROM (line ${global.line})`;
    else if (BUILTIN_ARGS.has(arg.key)) how = `no default needed: BuildKit predeclares it${value !== undefined ? ` (${quote(value)} here; Stagecraft assumes a linux/amd64 builder and target)` : ''}, and inside a stage it becomes visible once declared`;
    else how = 'no default and no global ARG of that name: it is unset unless --build-arg sets it';
    b.say(`Declares the build argument ${arg.key} in ${label}: ${how}.`);
  }
  b.say(
    `It is visible to the instructions after it in ${stageLabel(detail, i)} and in stages built FROM it, not in other stages.`,
    'Unlike ENV it is not stored in the image config, but RUN steps after it see it as an environment variable, so a different value makes them re-run.',
  );
  const shadows = cmd.args.filter((x) => x.value !== null && d.metaArgs.some((m) => m.key === x.key));
  if (shadows.length > 0) b.say(`${listShort(shadows.map((s) => s.key))} also ${shadows.length === 1 ? 'has' : 'have'} a global declaration; the value here wins inside this stage.`);
  b.link(EXAMPLES.args);
  b.link({ label: 'Dockerfile reference: ARG scope', url: REF + '#scope' });
}

function envText(detail: AnalysisDetail, b: Builder, i: number, cmd: Extract<Command, { kind: 'env' }>, dc: DispatchedCommand | null): void {
  const pairs = cmd.env.map((kv) => {
    const key = kv.key;
    const v = dc?.expanded[`value:${key}`] ?? kv.value;
    return `${key}=${v}`;
  });
  const inImage = targetChain(detail).includes(i);
  b.say(
    `Sets ${listShort(pairs)} for every later instruction of ${stageLabel(detail, i)} and for stages built FROM it.`,
    inImage
      ? 'It is stored in the image config, so containers started from the image see it too.'
      : detail.analysis.target !== null && 'The target does not build on this stage, so it is not in the image\'s environment.',
    'A different value makes the RUN steps after it re-run.',
  );
  const keys = new Set(cmd.env.map((kv) => kv.key));
  const selfRef = cmd.env.filter((kv) => [...keys].some((k) => k !== kv.key && new RegExp(`\\$(\\{${k}\\b|${k}\\b)`).test(kv.value)));
  if (selfRef.length > 0) {
    b.say(`The pairs of one ENV do not see each other: ${listShort(selfRef.map((s) => s.key))} uses the value from before this line.`);
  }
  if (cmd.legacy) b.rule('LegacyKeyValueFormat');
  if (detail.analysis.diagnostics.some((x) => x.rule === 'SecretsUsedInArgOrEnv' && x.line === cmd.line)) {
    b.say('Values set by ENV (and ARG) are visible in the image history: pass secrets with RUN --mount=type=secret instead.');
    b.link(EXAMPLES.secretMount);
  }
}

// ------------------------------------------------------------------------------------- USER etc.

function userText(detail: AnalysisDetail, b: Builder, i: number, cmd: Extract<Command, { kind: 'user' }>, dc: DispatchedCommand | null): void {
  const user = dc?.expanded.user ?? cmd.user;
  const root = /^(root|0)(:.*)?$/.test(user);
  const inImage = targetChain(detail).includes(i);
  b.say(
    `Runs the later RUN steps of ${stageLabel(detail, i)}${inImage ? ', and containers started from the image,' : ''} as ${root ? 'root' : `user ${user}`}.`,
    'It does not change who owns files that COPY and ADD create (root unless --chown says otherwise).',
  );
  const base = rootBase(detail, i);
  const name = user.split(':')[0];
  if (!/^\d+$/.test(name) && !root && (base === 'scratch' || /distroless\/static/.test(base) && !['nonroot', 'nobody'].includes(name))) {
    b.say(`The stage starts from ${base}, which has ${base === 'scratch' ? 'no /etc/passwd' : 'only the root, nonroot and nobody users'}: use a numeric UID such as 65532.`);
  }
  if (!inImage && detail.analysis.target !== null) b.say('The target does not build on this stage, so the image does not run as this user.');
}

function startupText(detail: AnalysisDetail, b: Builder, i: number, cmd: Extract<Command, { kind: 'cmd' | 'entrypoint' }>): void {
  const a = detail.analysis;
  const KW = cmd.kind.toUpperCase();
  const stages = detail.dispatch?.instructions.stages ?? [];
  b.say(
    cmd.kind === 'cmd'
      ? 'Sets the default command of containers started from the image; it does not run during the build.'
      : 'Sets the program containers started from the image run; CMD (or docker run arguments) supply its arguments. It does not run during the build.',
    cmd.prependShell
      ? `Shell form: it runs as /bin/sh -c "${cmd.cmdLine.join(' ')}", so the shell is usually PID 1 and your process may never see the SIGTERM of docker stop. The JSON form (["prog", "arg"]) avoids that.`
      : `Exec form: ${JSON.stringify(cmd.cmdLine)} runs directly (no shell, no $VARIABLE expansion).`,
  );
  if (cmd.prependShell) b.rule('JSONArgsRecommended');
  const later = stages[i]?.commands.find((c) => c.kind === cmd.kind && c.line > cmd.line);
  if (later) {
    b.say(`Only the last ${KW} of a stage counts: line ${later.line} replaces this one.`);
    b.rule('MultipleInstructionsDisallowed');
  }
  const chain = targetChain(detail);
  if (a.target !== null && !chain.includes(i)) {
    b.say(`${cap(stageLabel(detail, i))} is not the target and the target does not build on it, so this ${KW} is not in the image.`);
  } else if (a.target !== null && i !== a.target && !later) {
    const over = chain
      .filter((s) => s !== i && chain.indexOf(s) < chain.indexOf(i))
      .flatMap((s) => (stages[s]?.commands ?? []).filter((c) => c.kind === cmd.kind).map((c) => c.line));
    b.say(over.length > 0 ? `The target overrides it (line ${Math.max(...over)}).` : `${cap(targetLabel(detail))} inherits it through FROM.`);
  }
  if (cmd.kind === 'cmd') {
    const ep = [...chain].reverse().flatMap((s) => (stages[s]?.commands ?? []).filter((c) => c.kind === 'entrypoint')).pop();
    if (ep && chain.includes(i)) b.say(`With the ENTRYPOINT at line ${ep.line}, this CMD becomes its default arguments.`);
  }
}
