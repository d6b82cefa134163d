import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

/**
 * The package mirrors src/ one module per file, in two formats:
 * dist/esm (ES modules) and dist/cjs (CommonJS, with a package.json saying so).
 *
 * Why not bundled entries: a bundle puts every class in one shared chunk, and a
 * consumer's bundler must then keep every statement of that chunk with a possible
 * side effect (class static fields, frozen tables, scratch buffers), so importing
 * `Normal` pulled in the whole library. One file per module lets the consumer's
 * bundler drop whole unused files (`"sideEffects": false`), and under `require`
 * every entry point loads the same module instances, so classes have one identity.
 * Details and measurements: docs/design.md, "Packaging"; sizes: docs/size.md.
 */
const SRC = resolve('src');

const relativeImportsAsFiles = (ext: string): Plugin => ({
  name: 'relative-imports-as-files',
  setup(build) {
    // Every relative import stays an import of the sibling output file, with the
    // extension Node and browsers need ('./normal' → './normal.js').
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point' || !args.resolveDir.startsWith(SRC)) return undefined;
      const target = resolve(args.resolveDir, args.path);
      if (existsSync(`${target}.ts`)) return { path: `${args.path}${ext}`, external: true };
      if (existsSync(resolve(target, 'index.ts'))) return { path: `${args.path}/index${ext}`, external: true };
      throw new Error(`tsup: cannot resolve ${args.path} from ${dirname(args.resolveDir)}`);
    });
  },
});

const common: Options = {
  entry: ['src/**/*.ts'],
  tsconfig: 'tsconfig.build.json',
  bundle: true,
  splitting: false,
  sourcemap: false,
  treeshake: false,
  target: 'es2022',
  platform: 'neutral',
  dts: false,
  // Whitespace only: names and structure stay (stack traces name the real functions),
  // the TSDoc lives in the declarations, and the package stays under 350 KB packed.
  esbuildOptions(o) {
    o.minifyWhitespace = true;
  },
  // esbuild names a class that refers to itself `_LogNormal`: scripts/class-names.mjs
  // renames it back after the build (keepNames' `__name` wrappers around every
  // function cost 9 KB gzip in a consumer's bundle of Model + fit).
  keepNames: false,
};

export default defineConfig([
  { ...common, format: 'esm', outDir: 'dist/esm', clean: true, esbuildPlugins: [relativeImportsAsFiles('.js')] },
  {
    ...common,
    format: 'cjs',
    outDir: 'dist/cjs',
    // Stale files (declarations no longer shipped) must not survive a rebuild.
    clean: true,
    outExtension: () => ({ js: '.js' }),
    esbuildPlugins: [relativeImportsAsFiles('.js')],
  },
]);
