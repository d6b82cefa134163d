import { defineConfig } from 'tsup';

// One entry per public subpath; each is its own tree-shakable module.
export default defineConfig({
  entry: { index: 'src/index.ts', vi: 'src/vi/index.ts', plot: 'src/plot/index.ts' },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { types: [] } },
  tsconfig: 'tsconfig.build.json',
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
});
