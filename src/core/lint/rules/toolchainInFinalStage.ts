/**
 * ToolchainInFinalStage (Stagecraft). The image the target's stage chain starts from (the
 * target's FROM, followed through `FROM <stage>`) is a compiler/SDK image: golang, rust, node
 * (not -slim/-alpine), maven, gradle, a JDK (openjdk/eclipse-temurin/amazoncorretto, not -jre),
 * gcc, buildpack-deps, the .NET SDK. Reported at the target's FROM.
 */
import { ruleMessage } from '../messages.ts';
import { at, nodeLoc, targetChain, type Finding, type LintContext } from '../ruleContext.ts';
import { splitImage } from './images.ts';

export function toolchainKind(image: string): string | null {
  const { repo, tag } = splitImage(image);
  const t = (tag ?? 'latest').toLowerCase();
  switch (repo) {
    case 'golang':
      return 'the Go toolchain';
    case 'rust':
      return 'the Rust toolchain';
    case 'node':
      return /slim|alpine/.test(t) ? null : 'the full Node.js';
    case 'maven':
      return 'the Maven';
    case 'gradle':
      return 'the Gradle';
    case 'openjdk':
    case 'eclipse-temurin':
    case 'amazoncorretto':
      return t.includes('jre') ? null : 'a JDK';
    case 'gcc':
      return 'the GCC';
    case 'buildpack-deps':
      return 'the buildpack-deps';
    case 'mcr.microsoft.com/dotnet/sdk':
      return 'the .NET SDK';
  }
  return null;
}

export function toolchainInFinalStage(ctx: LintContext): Finding[] {
  const chain = targetChain(ctx);
  if (chain.length === 0) return [];
  const root = chain[chain.length - 1];
  const kind = toolchainKind(root.base);
  if (!kind) return [];
  const target = chain[0];
  return [at(ctx, 'ToolchainInFinalStage', nodeLoc(target.stage.from), ruleMessage.ToolchainInFinalStage(root.base, kind), target.stage.from.prevComment)];
}
