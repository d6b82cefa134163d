// Loads one @stdlib package (CommonJS: node_modules/@stdlib/<name>/dist/index.js and the files
// and @stdlib packages it requires, fetched ahead) as an ES module whose default export is the
// package's `module.exports`.
//
// Why: varinf's ESM build (dist/*.js) imports a few @stdlib special functions by bare
// specifier, e.g. `import gammaln from '@stdlib/math-base-special-gammaln'`, and those
// packages ship CommonJS only. The demo's import map points each such specifier at
//   ./stdlib.js?pkg=math-base-special-gammaln
// so the page runs from any static file server rooted at the repository, with no
// bundler. (A bundler, or a varinf build with @stdlib inlined, makes this unnecessary.)

const pkg = new URL(import.meta.url).searchParams.get('pkg');
const nodeModules = new URL('../../node_modules/', import.meta.url);
// Shared by every instance of this module (one per package in the import map):
// module URL → source text (null when the fetch failed), and → evaluated module.
const registry = (globalThis.__varinfStdlib ??= { pending: new Map(), text: new Map(), modules: new Map() });

/** Resolves a `require` specifier as Node would for these packages (dist bundles first). */
function resolve(specifier, from) {
  const withJs = (s) => (/\.(js|json)$/.test(s) ? s : `${s}.js`);
  if (specifier.startsWith('./') || specifier.startsWith('../')) return new URL(withJs(specifier), from).href;
  const m = /^@stdlib\/([a-z0-9-]+)(?:\/(.+))?$/.exec(specifier);
  if (m === null) throw new Error(`stdlib.js: cannot load "${specifier}" (required from ${from})`);
  const sub = m[2] === undefined || m[2] === 'dist' ? 'dist/index.js' : withJs(m[2]);
  return new URL(`@stdlib/${m[1]}/${sub}`, nodeModules).href;
}

/** The specifiers a source requires, ignoring comments (JSDoc examples require other packages). */
function requires(src) {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
}

/** Fetches a module and, recursively, those it requires. */
function fetchTree(url) {
  let p = registry.pending.get(url);
  if (p === undefined) {
    p = (async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`stdlib.js: HTTP ${res.status} for ${url}`);
      const src = (await res.text()).replace(/\/\/# sourceMappingURL=\S*\s*$/, '');
      registry.text.set(url, src);
      if (url.endsWith('.json')) return;
      await Promise.all(requires(src).map((s) => fetchTree(resolve(s, url))));
    })();
    registry.pending.set(url, p);
  }
  return p;
}

/** CommonJS `require` over the fetched sources (each evaluated once). */
function load(url) {
  let mod = registry.modules.get(url);
  if (mod === undefined) {
    const src = registry.text.get(url);
    if (src === undefined) throw new Error(`stdlib.js: ${url} was not fetched`);
    mod = { exports: {} };
    registry.modules.set(url, mod);
    if (url.endsWith('.json')) mod.exports = JSON.parse(src);
    // eslint-disable-next-line no-new-func
    else new Function('module', 'exports', 'require', `${src}\n//# sourceURL=${url}`)(mod, mod.exports, (s) => load(resolve(s, url)));
  }
  return mod.exports;
}

if (pkg === null) throw new Error('stdlib.js: missing ?pkg=<name>');
const entry = resolve(`@stdlib/${pkg}`, import.meta.url);
await fetchTree(entry);
export default load(entry);
