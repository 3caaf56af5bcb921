/** Classifying context paths for Stagecraft's context rules. */
import { basename } from '../../paths.ts';

const notSecret = /\.(example|sample|template|dist|defaults?|tmpl|tpl)$/i;

/** `.env`, `.env.local`, `.env.production`... (not `.env.example` and friends). */
export function isEnvFile(path: string): boolean {
  const b = basename(path);
  return /^\.env(\..+)?$/.test(b) && !notSecret.test(b);
}

/** What kind of secret a context file looks like, or null. */
export function secretKind(path: string): string | null {
  const b = basename(path);
  if (isEnvFile(path)) return 'an env file';
  if (notSecret.test(b)) return null;
  if (/\.(pem|key|p12|pfx)$/i.test(b)) return 'a key or certificate';
  if (/^id_(rsa|dsa|ecdsa|ed25519)$/.test(b)) return 'an SSH private key';
  if (b === '.npmrc' || b === '.pypirc' || b === '.netrc' || b === '.git-credentials') return 'a credentials file';
  if (/(^|\/)\.aws\/credentials$/.test(path) || /(^|\/)\.docker\/config\.json$/.test(path)) return 'a credentials file';
  return null;
}

/** Which of `.git`, `node_modules`, `.env` files a path is. */
export function heavyKind(path: string): '.git' | 'node_modules' | '.env files' | null {
  const segs = path.split('/');
  if (segs[0] === '.git') return '.git';
  if (segs.includes('node_modules')) return 'node_modules';
  if (isEnvFile(path)) return '.env files';
  return null;
}
