/**
 * The part of BuildKit's `dockerfile2llb/convert_expose.go` (`parsePorts`, `parsePort`,
 * `splitParts`, `splitProtoPort`, `parsePortRange`) that decides which EXPOSE ports get the
 * ExposeProtoCasing / ExposeInvalidFormat lints: ports are read in order after expansion
 * (`ProcessWords`), the lints of a port are raised after its protocol parsed, and the first
 * invalid port stops the instruction (BuildKit returns the error).
 */
import type { DispatchedCommand } from '../../dispatch/types.ts';

export interface PortLint {
  raw: string;
  protoCasing: boolean;
  invalidFormat: boolean;
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  switch (parts.length) {
    case 1:
      return ['', '', parts[0]];
    case 2:
      return ['', parts[0], parts[1]];
    case 3:
      return [parts[0], parts[1], parts[2]];
    default: {
      const n = parts.length;
      return [parts.slice(0, n - 2).join(':'), parts[n - 2], parts[n - 1]];
    }
  }
}

function parsePortNumber(s: string): number | null {
  if (!/^[+-]?\d+$/.test(s)) return null;
  const n = Number(s);
  if (n < 0 || n > 65535) return null;
  return n;
}

function parsePortRange(ports: string): [number, number] | null {
  if (ports === '') return null;
  const i = ports.indexOf('-');
  const start = i < 0 ? ports : ports.slice(0, i);
  const end = i < 0 ? '' : ports.slice(i + 1);
  const s = parsePortNumber(start);
  if (s === null) return null;
  if (i < 0 || start === end) return [s, s];
  const e = parsePortNumber(end);
  if (e === null || e < s) return null;
  return [s, e];
}

function validIP(ip: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return ip.split('.').every((o) => Number(o) <= 255 && !(o.length > 1 && o.startsWith('0')));
  return /^[0-9a-fA-F:.]+$/.test(ip) && ip.includes(':');
}

/** The ports of an EXPOSE after expansion, each with the lints BuildKit raises for it. */
export function exposeLints(dc: DispatchedCommand): PortLint[] {
  if (dc.cmd.kind !== 'expose') return [];
  const expanded = dc.expanded.ports;
  const ports = expanded !== undefined ? expanded.split(' ').filter((p) => p !== '') : dc.cmd.ports;
  const out: PortLint[] = [];
  for (const raw of ports) {
    const parts = splitParts(raw);
    let ip = parts[0];
    const hostPort = parts[1];
    let containerPort = parts[2];
    const slash = containerPort.indexOf('/');
    const port = slash < 0 ? containerPort : containerPort.slice(0, slash);
    const proto = slash < 0 ? '' : containerPort.slice(slash + 1);
    if (port === '') break; // "no port specified"
    if (!['', 'tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) break; // "invalid proto"
    const p = proto === '' ? 'tcp' : proto;
    out.push({ raw, protoCasing: p !== p.toLowerCase(), invalidFormat: ip !== '' || hostPort !== '' });
    containerPort = port;
    if (ip !== '' && ip.startsWith('[')) {
      const m = /^\[([^\]]*)\]$/.exec(ip);
      if (!m) break;
      ip = m[1];
    }
    if (ip !== '' && !validIP(ip)) break;
    const cr = parsePortRange(containerPort);
    if (!cr) break;
    if (hostPort !== '') {
      const hr = parsePortRange(hostPort);
      if (!hr) break;
      if (cr[1] - cr[0] !== hr[1] - hr[0] && cr[1] !== cr[0]) break;
    }
  }
  return out;
}
