import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    // *.heavy.test.ts (huge inputs, a minute each) only in `npm run test:heavy` (VITEST_HEAVY=1)
    include: process.env.VITEST_HEAVY ? ['test/**/*.heavy.test.ts'] : ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: process.env.VITEST_HEAVY ? [] : ['**/*.heavy.test.ts', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
