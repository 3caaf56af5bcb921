/**
 * Layer 2, one instruction: BuildKit's `instructions/parse.go` `ParseInstructionWithLinter`
 * and the per-instruction `parse*` functions, with the RUN flag hooks of
 * `commands_run{device,mount,network,security}.go`. Errors are thrown as `InstructionError`
 * carrying BuildKit's message; lints are pushed to the caller's list.
 */
import type { Command, Heredoc, KeyValue, Mount, Node, ParseLint } from './types.ts';
import { BFlags, FlagError, type Flag } from './flags.ts';
import { chompHeredocContent, parseHeredoc } from './heredoc.ts';
import { csvFields, parseMountLenient } from './mount.ts';
import { parseDuration, parseInt32 } from './duration.ts';
import { wrapError } from '../util/suggest.ts';
import { goQuote, ParseProblem, trimSpace } from './text.ts';

export class InstructionError extends ParseProblem {}

const fail = (msg: string): never => {
  throw new InstructionError(msg);
};

/** parseRequest */
interface ParseRequest {
  command: string; // as written
  args: string[];
  heredocs: Heredoc[];
  json: boolean;
  original: string;
  flags: BFlags;
  comments: string[];
  node: Node;
}

// nodeArgs / newParseRequestFromNode
function newParseRequestFromNode(node: Node): ParseRequest {
  return {
    command: node.keyword,
    args: node.next.slice(),
    heredocs: node.heredocs,
    json: node.json,
    original: node.original,
    flags: new BFlags(node.flags),
    comments: node.prevComment,
    node,
  };
}


/** what parseFrom yields: the beginning of a stage */
export interface StageStart {
  kind: 'stage';
  name: string | null;
  nameAsWritten: string | null;
  baseName: string;
  platform: string | null;
  docComment: string;
  node: Node;
}

export const errAtLeastOneArgument = (c: string) => `${c} requires at least one argument`;
export const errExactlyOneArgument = (c: string) => `${c} requires exactly one argument`;
export const errNoDestinationArgument = (c: string) =>
  `${c} requires at least two arguments, but only one was provided. Destination could not be determined`;
const errBadHeredoc = (c: string, option: string) => `${c} cannot accept a heredoc as ${option}`;
const errBlankCommandNames = (c: string) => `${c} names can not be blank`;
const errTooManyArguments = (c: string) => `Bad input to ${c}, too many arguments`;
const errNotJSON = (c: string) => `${c} requires the arguments to be in JSON form`;

const allInstructionNames = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];

/** BFlags.Parse, turning flag errors into instruction errors */
function parseFlags(req: ParseRequest): void {
  try {
    req.flags.parse();
  } catch (e) {
    if (e instanceof FlagError) fail(e.message);
    throw e;
  }
}

export interface InstructionContext {
  lints: ParseLint[];
  /** set by a FROM: BuildKit's parseFrom error, or null */
  fromError?: string | null;
}

function lint(ctx: InstructionContext, node: Node, rule: string, message: string): void {
  ctx.lints.push({ rule, message, line: node.startLine, endLine: node.endLine });
}

// ParseInstructionWithLinter
export function parseInstruction(node: Node, ctx: InstructionContext): Command | StageStart {
  const req = newParseRequestFromNode(node);
  switch (node.value) {
    case 'env':
      return parseEnv(req);
    case 'maintainer':
      lint(ctx, node, 'MaintainerDeprecated', 'Maintainer instruction is deprecated in favor of using label');
      return parseMaintainer(req);
    case 'label':
      return parseLabel(req);
    case 'add':
      return parseAdd(req);
    case 'copy':
      return parseCopy(req);
    case 'from': {
      if (!isLowerCaseStageName(req.args)) {
        lint(ctx, node, 'StageNameCasing', `Stage name '${req.args[2]}' should be lowercase`);
      }
      if (!doesFromCaseMatchAsCase(req)) {
        lint(ctx, node, 'FromAsCasing', `'${req.args[1]}' and '${req.command}' keywords' casing do not match`);
      }
      // parseFrom, lenient: the stage is kept and the error handed to the caller
      let err: string | null = null;
      const st = parseFromLenient(node, (m) => {
        if (err === null) err = m;
      });
      if (err === null && st.name) validateDefinitionDescription(ctx, 'FROM', [st.name], node);
      ctx.fromError = err;
      return st;
    }
    case 'onbuild':
      return parseOnBuild(req);
    case 'workdir':
      return parseWorkdir(req);
    case 'run':
      return parseRun(req);
    case 'cmd':
      return parseCmd(req, 'cmd');
    case 'healthcheck':
      return parseHealthcheck(req);
    case 'entrypoint':
      return parseCmd(req, 'entrypoint');
    case 'expose':
      return parseExpose(req);
    case 'user':
      return parseUser(req);
    case 'volume':
      return parseVolume(req);
    case 'stopsignal':
      return parseStopSignal(req);
    case 'arg': {
      const a = parseArg(req);
      validateDefinitionDescription(ctx, 'ARG', a.args.map((x) => x.key), node);
      return a;
    }
    case 'shell':
      return parseShell(req);
  }
  return fail(wrapError(`unknown instruction: ${node.keyword}`, node.keyword, allInstructionNames, false));
}

// parseKvps
function parseKvps(args: string[], cmdName: string): { pairs: KeyValue[]; legacy: boolean } {
  if (args.length === 0) fail(errAtLeastOneArgument(cmdName));
  if (args.length % 3 !== 0) fail(errTooManyArguments(cmdName));
  const pairs: KeyValue[] = [];
  let legacy = false;
  for (let j = 0; j < args.length; j += 3) {
    if (args[j].length === 0) fail(errBlankCommandNames(cmdName));
    pairs.push({ key: args[j], value: args[j + 1] });
    if (args[j + 2] === '') legacy = true;
  }
  return { pairs, legacy };
}

// parseEnv
function parseEnv(req: ParseRequest): Command {
  parseFlags(req);
  const { pairs, legacy } = parseKvps(req.args, 'ENV');
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'env', env: pairs, legacy };
}

// parseMaintainer
function parseMaintainer(req: ParseRequest): Command {
  if (req.args.length !== 1) fail(errExactlyOneArgument('MAINTAINER'));
  parseFlags(req);
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'maintainer', maintainer: req.args[0] };
}

// parseLabel
function parseLabel(req: ParseRequest): Command {
  parseFlags(req);
  const { pairs, legacy } = parseKvps(req.args, 'LABEL');
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'label', labels: pairs, legacy };
}

// parseSourcesAndDest
function parseSourcesAndDest(req: ParseRequest, command: string) {
  const srcs = req.args.slice(0, -1);
  const dest = req.args[req.args.length - 1];
  if (parseHeredoc(dest).heredoc) fail(errBadHeredoc(command, 'a destination'));
  const lookup = new Map<string, Heredoc>();
  for (const h of req.heredocs) lookup.set(h.name, h);
  const sources: string[] = [];
  const contents: { path: string; data: string; expand: boolean }[] = [];
  for (const src of srcs) {
    const h = parseHeredoc(src).heredoc;
    if (h) {
      let data = lookup.get(h.name)?.content ?? '';
      if (h.chomp) data = chompHeredocContent(data);
      contents.push({ path: h.name, data, expand: h.expand });
    } else {
      sources.push(src);
    }
  }
  return { dest, sources, contents };
}

// parseAdd
function parseAdd(req: ParseRequest): Command {
  if (req.args.length < 2) fail(errNoDestinationArgument('ADD'));
  const f = req.flags;
  const flChown = f.addString('chown', '');
  const flChmod = f.addString('chmod', '');
  const flLink = f.addBool('link', false);
  const flKeepGitDir = f.addBool('keep-git-dir', false);
  const flChecksum = f.addString('checksum', '');
  const flUnpack = f.addBool('unpack', false);
  const flExcludes = f.addStrings('exclude');
  parseFlags(req);
  const sd = parseSourcesAndDest(req, 'ADD');
  return {
    line: req.node.startLine,
    endLine: req.node.endLine,
    node: req.node,
    kind: 'add',
    sources: sd.sources,
    contents: sd.contents,
    dest: sd.dest,
    from: null,
    chown: flChown.value,
    chmod: flChmod.value,
    link: flLink.value === 'true',
    parents: false,
    exclude: flExcludes.values,
    checksum: flChecksum.value,
    keepGitDir: f.isUsed('keep-git-dir') ? flKeepGitDir.value === 'true' : null,
    unpack: f.isUsed('unpack') ? flUnpack.value === 'true' : null,
  };
}

// parseCopy
function parseCopy(req: ParseRequest): Command {
  if (req.args.length < 2) fail(errNoDestinationArgument('COPY'));
  const f = req.flags;
  const flChown = f.addString('chown', '');
  const flFrom = f.addString('from', '');
  const flChmod = f.addString('chmod', '');
  const flLink = f.addBool('link', false);
  const flExcludes = f.addStrings('exclude');
  const flParents = f.addBool('parents', false);
  parseFlags(req);
  const sd = parseSourcesAndDest(req, 'COPY');
  return {
    line: req.node.startLine,
    endLine: req.node.endLine,
    node: req.node,
    kind: 'copy',
    sources: sd.sources,
    contents: sd.contents,
    dest: sd.dest,
    from: flFrom.value === '' ? null : flFrom.value,
    chown: flChown.value,
    chmod: flChmod.value,
    link: flLink.value === 'true',
    parents: flParents.value === 'true',
    exclude: flExcludes.values,
    checksum: '',
    keepGitDir: null,
    unpack: null,
  };
}

const validStageName = /^[a-z][a-z0-9\-_.]*$/;

// parseBuildStageName
function parseBuildStageName(args: string[]): string {
  if (args.length === 3 && args[1].toLowerCase() === 'as') {
    const stageName = args[2].toLowerCase();
    if (!validStageName.test(stageName)) {
      fail(`invalid name for build stage: ${goQuote(args[2])}, name can't start with a number or contain symbols`);
    }
    return stageName;
  }
  if (args.length !== 1) fail('FROM requires either one or three arguments');
  return '';
}

/**
 * parseFrom. Unlike BuildKit, which stops at the error, it always yields a stage (so the
 * instructions after a bad FROM still have a home) and reports the error through `onError`.
 */
export function parseFromLenient(node: Node, onError: (msg: string) => void): StageStart {
  const req = newParseRequestFromNode(node);
  let name = '';
  let nameOk = true;
  try {
    name = parseBuildStageName(req.args);
  } catch (e) {
    if (!(e instanceof InstructionError)) throw e;
    nameOk = false;
    onError(e.message);
  }
  const flPlatform = req.flags.addString('platform', '');
  if (nameOk) {
    try {
      parseFlags(req);
    } catch (e) {
      if (!(e instanceof InstructionError)) throw e;
      onError(e.message);
    }
  }
  const hasAs = req.args.length === 3 && req.args[1].toLowerCase() === 'as';
  return {
    kind: 'stage',
    name: name === '' ? null : name,
    nameAsWritten: hasAs ? req.args[2] : null,
    baseName: req.args[0] ?? '',
    platform: flPlatform.value === '' ? null : flPlatform.value,
    docComment: getDocComment(req.comments, name),
    node,
  };
}

// parseOnBuild
function parseOnBuild(req: ParseRequest): Command {
  if (req.args.length === 0) fail(errAtLeastOneArgument('ONBUILD'));
  parseFlags(req);
  const trigger = trimSpace(req.args[0]).toUpperCase();
  if (trigger === 'ONBUILD') fail('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
  if (trigger === 'MAINTAINER' || trigger === 'FROM') fail(`${trigger} isn't allowed as an ONBUILD trigger`);
  let original = req.original.replace(/^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*/i, '');
  if (req.heredocs.length > 0) {
    for (const h of req.heredocs) original += '\n' + h.content + h.name;
  }
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'onbuild', expression: original };
}

// parseWorkdir
function parseWorkdir(req: ParseRequest): Command {
  if (req.args.length !== 1) fail(errExactlyOneArgument('WORKDIR'));
  parseFlags(req);
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'workdir', path: req.args[0] };
}

// handleJSONArgs
function handleJSONArgs(args: string[], json: boolean): string[] {
  if (args.length === 0) return [];
  if (json) return args;
  return [args.join(' ')];
}

/** commands_rundevice.go ParseDevice (validation only) */
function parseDevice(val: string): void {
  let fields: string[];
  try {
    fields = csvFields(val);
  } catch (e) {
    return fail(`failed to parse csv devices: ${(e as ParseProblem).message}`);
  }
  let name = '';
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'required') continue;
      if (name === '') {
        name = field;
        continue;
      }
      fail(`invalid field '${field}' must be a key=value pair`);
    }
    switch (key) {
      case 'name':
        if (name !== '') fail(`device name already set to ${name}`);
        name = value;
        break;
      case 'required':
        if (!['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) {
          fail(`invalid value for ${key}: ${value}`);
        }
        break;
      default:
        if (name === '') {
          name = field;
          continue;
        }
        fail(wrapError(`unexpected key '${key}' in '${field}'`, key, ['name', 'required'], true));
    }
  }
}

const asWritten = (w: string) => w;

// parseRun (with the pre/post hooks of device, mount, network and security, in Go's init order)
function parseRun(req: ParseRequest): Command {
  const f = req.flags;
  const flDevice = f.addStrings('device');
  const flMount = f.addStrings('mount');
  const flNetwork = f.addString('network', 'default');
  const flSecurity = f.addString('security', 'sandbox');
  parseFlags(req);
  const flagsUsed = [...f.used.keys()];
  const files = req.heredocs.map((h) => ({ name: h.name, data: h.content }));
  const cmdLine = handleJSONArgs(req.args, req.json);

  for (const d of flDevice.values) parseDevice(d);
  const mounts: Mount[] = [];
  for (const raw of flMount.values) {
    // one pass gives both what parseMount reports at parse time (no expander) and what it
    // would reject at dispatch, reading the values as written
    const { mount, error, parseTimeError } = parseMountLenient(raw, asWritten);
    if (parseTimeError !== null) fail(parseTimeError);
    if (error !== null) mount.error = error;
    mount.raw = raw;
    mounts.push(mount);
  }
  if (!['default', 'none', 'host'].includes(flNetwork.value)) fail(`invalid network mode ${goQuote(flNetwork.value)}`);
  if (!['insecure', 'sandbox'].includes(flSecurity.value)) fail(`security ${goQuote(flSecurity.value)} is not valid`);

  return {
    line: req.node.startLine,
    endLine: req.node.endLine,
    node: req.node,
    kind: 'run',
    cmdLine,
    prependShell: !req.json,
    files,
    mounts,
    network: f.isUsed('network') ? flNetwork.value : null,
    security: f.isUsed('security') ? flSecurity.value : null,
    flagsUsed,
  };
}

// parseCmd / parseEntrypoint
function parseCmd(req: ParseRequest, kind: 'cmd' | 'entrypoint'): Command {
  parseFlags(req);
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind, cmdLine: handleJSONArgs(req.args, req.json), prependShell: !req.json };
}

// parseOptInterval
function parseOptInterval(f: Flag): void {
  const s = f.value;
  if (s === '') return;
  const d = parseDuration(s);
  if ('error' in d) fail(d.error);
  else if (d.ns !== 0n && d.ns < 1000000n) fail(`Interval ${goQuote(f.name)} cannot be less than 1ms`);
}

// parseHealthcheck
function parseHealthcheck(req: ParseRequest): Command {
  if (req.args.length === 0) fail(errAtLeastOneArgument('HEALTHCHECK'));
  let typ = req.args[0].toUpperCase();
  const args = req.args.slice(1);
  if (typ === 'NONE') {
    if (args.length !== 0) fail('HEALTHCHECK NONE takes no arguments');
    return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'healthcheck', test: [typ], none: true };
  }
  const f = req.flags;
  const flInterval = f.addString('interval', '');
  const flTimeout = f.addString('timeout', '');
  const flStartPeriod = f.addString('start-period', '');
  const flStartInterval = f.addString('start-interval', '');
  const flRetries = f.addString('retries', '');
  parseFlags(req);
  let test: string[] = [];
  if (typ === 'CMD') {
    const cmdSlice = handleJSONArgs(args, req.json);
    if (cmdSlice.length === 0) fail('Missing command after HEALTHCHECK CMD');
    if (!req.json) typ = 'CMD-SHELL';
    test = [typ, ...cmdSlice];
  } else {
    fail(`Unknown type ${goQuote(typ)} in HEALTHCHECK (try CMD)`);
  }
  parseOptInterval(flInterval);
  parseOptInterval(flTimeout);
  parseOptInterval(flStartPeriod);
  parseOptInterval(flStartInterval);
  if (flRetries.value !== '') {
    const r = parseInt32(flRetries.value);
    if ('error' in r) fail(r.error);
    else if (r.value < 0) fail(`--retries cannot be negative (${r.value})`);
  }
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'healthcheck', test, none: false };
}

// parseExpose
function parseExpose(req: ParseRequest): Command {
  if (req.args.length === 0) fail(errAtLeastOneArgument('EXPOSE'));
  parseFlags(req);
  const ports = req.args.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'expose', ports };
}

// parseUser
function parseUser(req: ParseRequest): Command {
  if (req.args.length !== 1) fail(errExactlyOneArgument('USER'));
  parseFlags(req);
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'user', user: req.args[0] };
}

// parseVolume
function parseVolume(req: ParseRequest): Command {
  if (req.args.length === 0) fail(errAtLeastOneArgument('VOLUME'));
  parseFlags(req);
  const volumes: string[] = [];
  for (const raw of req.args) {
    const v = trimSpace(raw);
    if (v === '') fail('VOLUME specified can not be an empty string');
    volumes.push(v);
  }
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'volume', volumes };
}

// parseStopSignal (BuildKit does not validate its flags)
function parseStopSignal(req: ParseRequest): Command {
  if (req.args.length !== 1) fail(errExactlyOneArgument('STOPSIGNAL'));
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'stopsignal', signal: req.args[0] };
}

// parseArg (BuildKit does not validate its flags)
function parseArg(req: ParseRequest): Extract<Command, { kind: 'arg' }> {
  if (req.args.length < 1) fail(errAtLeastOneArgument('ARG'));
  const args: { key: string; value: string | null }[] = [];
  for (const arg of req.args) {
    const eq = arg.indexOf('=');
    if (eq >= 0) {
      if (eq === 0) fail(errBlankCommandNames('ARG'));
      args.push({ key: arg.slice(0, eq), value: arg.slice(eq + 1) });
    } else {
      args.push({ key: arg, value: null });
    }
  }
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'arg', args };
}

// parseShell
function parseShell(req: ParseRequest): Command {
  parseFlags(req);
  const shell = handleJSONArgs(req.args, req.json);
  if (shell.length === 0) fail(errAtLeastOneArgument('SHELL'));
  if (!req.json) fail(errNotJSON('SHELL'));
  return { line: req.node.startLine, endLine: req.node.endLine, node: req.node, kind: 'shell', shell };
}

// getDocComment
export function getDocComment(comments: string[], name: string): string {
  if (name === '') return '';
  for (const line of comments) {
    if (line.startsWith(name + ' ')) return line.slice(name.length + 1);
  }
  return '';
}

// isLowerCaseStageName
function isLowerCaseStageName(args: string[]): boolean {
  if (args.length !== 3) return true;
  return args[2] === args[2].toLowerCase();
}

// doesFromCaseMatchAsCase
function doesFromCaseMatchAsCase(req: ParseRequest): boolean {
  if (req.args.length < 3) return true;
  const lower = req.command === req.command.toLowerCase();
  const upper = req.command === req.command.toUpperCase();
  if (!lower && !upper) return true;
  if (lower) return req.args[1] === req.args[1].toLowerCase();
  return req.args[1] === req.args[1].toUpperCase();
}

// validateDefinitionDescription (an experimental rule in BuildKit; the lint layer decides)
function validateDefinitionDescription(ctx: InstructionContext, instruction: string, keys: string[], node: Node): void {
  const comments = node.prevComment;
  if (comments.length === 0 || keys.length === 0) return;
  const first = comments[comments.length - 1].split(' ')[0];
  if (keys.includes(first)) return;
  const example = keys.length > 1 ? '<arg_key>' : keys[0];
  lint(ctx, node, 'InvalidDefinitionDescription', `Comment for ${instruction} should follow the format: \`# ${example} <description>\``);
}
