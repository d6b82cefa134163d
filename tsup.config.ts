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
  // Bundle the CommonJS-only @stdlib special functions so that dist/*.js loads as
  // plain ESM in a browser (no bundler, no CommonJS shim) and the package has no
  // runtime dependencies.
  noExternal: [/^@stdlib\//],
});
