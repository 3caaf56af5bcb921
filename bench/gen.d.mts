/** Types for the benchmark generators (bench/gen.mjs), used by tests too. */
export function generateDockerfile(lines: number): string;
export function generateContext(n: number): string[];
