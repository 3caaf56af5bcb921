// The library entry: `import { analyze } from 'stagecraft'`.
export { analyze } from './core/analyze.ts';
export type * from './core/types.ts';
