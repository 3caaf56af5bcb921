/**
 * SecretsUsedInArgOrEnv. BuildKit: `dockerfile2llb/validations.go` `validateNoSecretKey` /
 * `getSecretsRegex`, from `dispatchArg` (the ARG key as written) and `dispatchEnv` (the ENV key
 * after expansion): the key has a deny token (apikey, auth, credential(s), key, password,
 * pword, passwd, secret, token) as a whole `_`-separated word or as the whole key, and no allow
 * token (public, file, version); case-insensitive. Needed stages only, one finding per key.
 */
import { fmt } from '../registry.ts';
import { at, neededCommands, type Finding, type LintContext } from '../ruleContext.ts';

const deny = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/iu;
const allow = /(?:_|^)(?:public|file|version)(?:_|$)/iu;

export function isSecretKey(key: string): boolean {
  return deny.test(key) && !allow.test(key);
}

export function secretsUsedInArgOrEnv(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { dc } of neededCommands(ctx)) {
    const cmd = dc.cmd;
    if (cmd.kind === 'arg') {
      for (const a of cmd.args) {
        if (isSecretKey(a.key)) out.push(at(ctx, 'SecretsUsedInArgOrEnv', cmd, fmt.SecretsUsedInArgOrEnv('ARG', a.key), cmd.node.prevComment));
      }
    } else if (cmd.kind === 'env') {
      const keys = Object.keys(dc.expanded).filter((k) => k.startsWith('key:')).map((k) => dc.expanded[k]);
      const list = keys.length === cmd.env.length ? keys : cmd.env.map((kv) => kv.key);
      for (const key of list) {
        if (isSecretKey(key)) out.push(at(ctx, 'SecretsUsedInArgOrEnv', cmd, fmt.SecretsUsedInArgOrEnv('ENV', key), cmd.node.prevComment));
      }
    }
  }
  return out;
}
