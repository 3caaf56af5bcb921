/**
 * One instruction line to a `Node`: `newNodeFromLine` and `splitCommand` from BuildKit's
 * `parser/parser.go` and `parser/split_command.go`, with the dispatch table of line parsers.
 */
import type { Node } from './types.ts';
import { extractBuilderFlags } from './flags.ts';
import {
  type LineParse,
  parseEnv,
  parseHealthConfig,
  parseIgnore,
  parseLabel,
  parseMaybeJSON,
  parseMaybeJSONToList,
  parseNameOrNameVal,
  parseString,
  parseStringsWhitespaceDelimited,
} from './lineParsers.ts';
import { splitReWhitespace, trimSpace } from './text.ts';

type LineParser = (rest: string, escapeToken: string) => LineParse;

/** the dispatch table of parser.go `init` (ONBUILD is handled by parseSubCommand) */
const dispatch: Record<string, LineParser> = {
  add: parseMaybeJSONToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: parseEnv,
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: parseLabel,
  maintainer: parseString,
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
};

/** instructions whose node may carry heredocs (heredocDirectives) */
const heredocDirectives = new Set(['add', 'copy', 'run']);

// splitCommand
export function splitCommand(line: string, escapeToken: string): { cmd: string; flags: string[]; args: string } {
  const cmdline = splitReWhitespace(trimSpace(line), 2);
  let args = '';
  let flags: string[] = [];
  if (cmdline.length === 2) {
    const r = extractBuilderFlags(cmdline[1], escapeToken);
    args = r.rest;
    flags = r.flags;
  }
  return { cmd: cmdline[0], flags, args: trimSpace(args) };
}

// newNodeFromLine (throws LineParseError like the Go line parsers return errors)
export function newNodeFromLine(line: string, escapeToken: string, comments: string[]): Node {
  const { cmd, flags, args } = splitCommand(line, escapeToken);
  const value = cmd.toLowerCase();
  let parsed: LineParse;
  let child: Node | undefined;
  if (value === 'onbuild') {
    // parseSubCommand
    if (args === '') {
      parsed = { next: [], json: false };
    } else {
      child = newNodeFromLine(args, escapeToken, []);
      parsed = { next: [child.keyword, ...child.next], json: false };
    }
  } else {
    const fn = Object.prototype.hasOwnProperty.call(dispatch, value) ? dispatch[value] : parseIgnore;
    parsed = fn(args, escapeToken);
  }
  const node: Node = {
    value,
    keyword: cmd,
    next: parsed.next,
    json: parsed.json,
    flags,
    heredocs: [],
    original: line,
    startLine: 0,
    endLine: 0,
    prevComment: comments,
  };
  if (child) node.child = child;
  return node;
}

// Node.canContainHeredoc
export function canContainHeredoc(node: Node): boolean {
  let n = node;
  if (n.value === 'onbuild' && n.child) n = n.child;
  if (!heredocDirectives.has(n.value)) return false;
  return !n.json;
}
