/**
 * `containerd/platforms` `Parse` (vendored in moby/buildkit), as far as
 * FromPlatformFlagConstDisallowed needs it: does the specifier parse, and to which OS and
 * architecture. The host defaults (`runtime.GOOS`/`GOARCH`) are linux/amd64, Stagecraft's
 * assumed builder.
 */
const osRe = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/;
const specifierRe = /^[A-Za-z0-9_.-]+$/;

const knownOS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'windows', 'zos']);
const knownArch = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);

function normalizeOS(os: string): string {
  if (os === '') return 'linux';
  const l = os.toLowerCase();
  return l === 'macos' ? 'darwin' : l;
}

function normalizeArch(arch: string, variant: string): [string, string] {
  let a = arch.toLowerCase();
  let v = variant.toLowerCase();
  switch (a) {
    case 'i386':
      a = '386';
      v = '';
      break;
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      a = 'amd64';
      if (v === 'v1') v = '';
      break;
    case 'aarch64':
    case 'arm64':
      a = 'arm64';
      if (v === '8' || v === 'v8' || v === 'v8.0') v = '';
      else if (v === '9' || v === '9.0' || v === 'v9.0') v = 'v9';
      break;
    case 'armhf':
      a = 'arm';
      v = 'v7';
      break;
    case 'armel':
      a = 'arm';
      v = 'v6';
      break;
    case 'arm':
      if (v === '' || v === '7') v = 'v7';
      else if (v === '5' || v === '6' || v === '8') v = 'v' + v;
      break;
  }
  return [a, v];
}

export function parsePlatform(specifier: string): { os: string; architecture: string } | null {
  if (specifier.includes('*')) return null;
  const parts: string[] = [];
  let rest = specifier;
  while (parts.length < 3) {
    const i = rest.indexOf('/');
    if (i < 0) break;
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  parts.push(rest);
  let os = '';
  for (let i = 0; i < parts.length; i++) {
    if (i === 0) {
      const m = osRe.exec(parts[0]);
      if (!m) return null;
      os = normalizeOS(m[1]);
      if (m[2] && m[2].includes('%')) {
        try {
          decodeURIComponent(m[2]);
        } catch {
          return null;
        }
      }
    } else if (!specifierRe.test(parts[i])) {
      return null;
    }
  }
  switch (parts.length) {
    case 1: {
      if (knownOS.has(os)) return { os, architecture: 'amd64' };
      const [a] = normalizeArch(parts[0], '');
      if (knownArch.has(a)) return { os: 'linux', architecture: a };
      return null;
    }
    case 2:
      return { os, architecture: normalizeArch(parts[1], '')[0] };
    case 3:
      return { os, architecture: normalizeArch(parts[1], parts[2])[0] };
  }
  return null;
}
