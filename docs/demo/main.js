// The interactive demo: the seed model with a slider for x, a guide family selector,
// and a live fit (fitSteps driven in time-boxed slices) redrawing the density plot and
// the ELBO trace as it goes. Browser only: uses the ESM build of varinf and the global
// `vega` / `vegaLite` loaded by index.html.
import { Exponential, Gamma, LogNormal, Model, Normal } from '../../dist/esm/index.js';
import { families, fitSteps, meanField } from '../../dist/esm/vi/index.js';
import { densityPlot, tracePlot } from '../../dist/esm/plot/index.js';

const $ = (id) => document.getElementById(id);
const els = {
  x: $('x'),
  xValue: $('x-value'),
  family: $('family'),
  fit: $('fit'),
  status: $('status'),
  density: $('density-plot'),
  trace: $('trace-plot'),
  fits: document.querySelector('#fits tbody'),
};

const SLICE_MS = 12; // work per slice before yielding to the browser
const DRAW_EVERY_MS = 120; // redraw the plots at most this often while fitting
const prior = new Exponential(1);
const FAMILIES = { LogNormal, Gamma, Exponential };
const FAMILY_LABEL = { LogNormal: 'LogNormal', Gamma: 'Gamma', Exponential: 'Exponential', meanField: 'mean-field' };

// ---- The model for the current x, and its exact posterior on a grid ------------------

function modelFor(x) {
  return new Model({ prior: { z: prior }, likelihood: ({ z }) => new Normal(z, 1), data: [x] });
}

function domainFor(x) {
  return [0, Math.max(4, x + 3.5)];
}

/** log p(x) by normalizing the joint numerically on a fine grid (trapezoid rule, log-sum-exp). */
function logEvidenceOnGrid(model, [lo, hi], points = 4001) {
  const h = (hi - lo) / (points - 1);
  const lj = new Float64Array(points);
  let max = -Infinity;
  for (let i = 0; i < points; i++) {
    lj[i] = model.logJoint({ z: lo + i * h });
    if (lj[i] > max) max = lj[i];
  }
  let s = 0;
  for (let i = 0; i < points; i++) s += (i === 0 || i === points - 1 ? 0.5 : 1) * Math.exp(lj[i] - max);
  return max + Math.log(s * h);
}

/** The exact ELBO of q, ∫ q (log p(z, x) − log q) dz, by the midpoint rule on a fine grid (for the gap). */
function elboOnGrid(model, q, hi, points = 8000) {
  const h = hi / points;
  let s = 0;
  for (let i = 0; i < points; i++) {
    const z = (i + 0.5) * h;
    const lq = q.logPdf(z);
    if (lq > -Infinity) s += Math.exp(lq) * (model.logJoint({ z }) - lq);
  }
  return s * h;
}

/** Trailing moving average, to show the trend under the per-step Monte-Carlo noise. */
function movingAverage(values, window) {
  const out = new Array(values.length);
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    s += values[i];
    if (i >= window) s -= values[i - window];
    out[i] = s / Math.min(i + 1, window);
  }
  return out;
}

function describe(q) {
  const n = (v) => v.toFixed(3);
  if (q instanceof LogNormal) return `LogNormal(${n(q.mu)}, ${n(q.sigma)})`;
  if (q instanceof Gamma) return `Gamma(${n(q.shape)}, ${n(q.rate)})`;
  if (q instanceof Exponential) return `Exponential(${n(q.rate)})`;
  if (q instanceof Normal) return `Normal(${n(q.mu)}, ${n(q.sigma)})`;
  return String(q?.name ?? q);
}

// ---- Rendering Vega-Lite specs with vega.View (no vega-embed needed) ----------------

const views = new Map();
async function show(el, spec) {
  const vegaSpec = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'svg', container: el, hover: true });
  await view.runAsync();
  views.get(el)?.finalize();
  views.set(el, view);
}

// ---- State ------------------------------------------------------------------------

const state = {
  x: Number(els.x.value),
  model: undefined,
  logZ: NaN,
  q: undefined, // the q drawn (live iterate or fitted)
  qLabel: '',
  trace: [],
  traceName: '',
  fitting: undefined, // the running fit, if any
};

function setModel(x) {
  state.x = x;
  state.model = modelFor(x);
  state.logZ = logEvidenceOnGrid(state.model, [0, x + 40]);
  els.xValue.textContent = x.toFixed(1);
  document.body.dataset.x = String(x);
}

function densitySpec() {
  const { model, x } = state;
  const curves = [
    { name: 'prior p(z)', density: prior, dash: true },
    { name: 'posterior p(z | x) (exact, grid)', density: (z) => model.logJoint({ z }), logScale: true, rescale: true },
  ];
  if (state.q !== undefined) curves.push({ name: state.qLabel, density: state.q });
  return densityPlot({ title: `Densities for x = ${x.toFixed(1)}`, xLabel: 'z', curves, domain: domainFor(x), points: 300, width: 360, height: 260 });
}

function traceSpec() {
  const values = state.trace.length > 0 ? movingAverage(state.trace, 100) : [NaN];
  return tracePlot({
    traces: [{ name: state.traceName || 'ELBO', values }],
    title: 'ELBO per step (moving average of 100)',
    xLabel: 'step',
    maxPoints: 600,
    width: 360,
    height: 260,
    reference: { value: state.logZ, label: `log p(x) = ${state.logZ.toFixed(4)}` },
    ...(state.trace.length > 0 ? { yDomain: traceDomain() } : {}),
  });
}

/** A y range that shows the end of the trace without the poor first steps flattening it. */
function traceDomain() {
  const t = movingAverage(state.trace, 100);
  const tail = t.slice(Math.floor(t.length / 10));
  let lo = Infinity;
  for (const v of tail) if (Number.isFinite(v) && v < lo) lo = v;
  const hi = state.logZ + 0.25;
  if (!(lo < hi)) lo = hi - 1;
  return [Math.max(lo, state.logZ - 3) - 0.05, hi];
}

async function drawAll() {
  els.density.dataset.q = state.q === undefined ? '' : describe(state.q);
  await Promise.all([show(els.density, densitySpec()), show(els.trace, traceSpec())]);
}

function setStatus(text, isError = false) {
  els.status.textContent = text;
  els.status.classList.toggle('error', isError);
}

// ---- The live fit -------------------------------------------------------------------

function guideFor(family) {
  return family === 'meanField' ? meanField() : families({ z: FAMILIES[family] });
}

function startFit() {
  if (state.fitting !== undefined) state.fitting.cancelled = true;
  const family = els.family.value;
  const spec = guideFor(family);
  const guide = spec.build(state.model); // to turn live parameters into a q
  const run = {
    cancelled: false,
    it: fitSteps(state.model, { guide: spec, seed: 1 }),
    guide,
    family,
    x: state.x,
    t0: performance.now(),
    lastDraw: 0,
  };
  state.fitting = run;
  state.trace = [];
  state.traceName = `${FAMILY_LABEL[family]}, x = ${state.x.toFixed(1)}`;
  state.q = undefined;
  state.qLabel = `q ${FAMILY_LABEL[family]}`;
  document.body.dataset.state = 'fitting';
  els.fit.disabled = true;
  setTimeout(() => slice(run), 0);
}

async function slice(run) {
  if (run.cancelled) return;
  const end = performance.now() + SLICE_MS;
  let progress;
  try {
    while (performance.now() < end) {
      const r = run.it.next();
      if (r.done) return finish(run, r.value);
      progress = r.value;
      if (progress.phase === 'optimize') state.trace.push(progress.elbo);
    }
  } catch (err) {
    return fail(err);
  }
  const now = performance.now();
  if (now - run.lastDraw > DRAW_EVERY_MS) {
    run.lastDraw = now;
    const live = run.guide.posterior(progress.params).z;
    state.q = live;
    setStatus(
      progress.phase === 'search'
        ? `Fitting ${FAMILY_LABEL[run.family]}: searching a step size (lr ${progress.lr})…`
        : `Fitting ${FAMILY_LABEL[run.family]}: step ${progress.step}, ELBO ${progress.elbo.toFixed(3)}, q = ${describe(live)}`,
    );
    await drawAll();
  }
  requestAnimationFrame(() => setTimeout(() => slice(run), 0));
}

async function finish(run, result) {
  if (run.cancelled) return;
  state.fitting = undefined;
  const ms = performance.now() - run.t0;
  state.q = result.posterior.z;
  state.trace = Array.from(result.trace);
  const elboExact = elboOnGrid(state.model, state.q, state.x + 40);
  const gap = state.logZ - elboExact;
  const d = result.diagnostics;
  await drawAll();
  const row = document.createElement('tr');
  for (const cell of [state.x.toFixed(1), FAMILY_LABEL[run.family], describe(state.q), `${result.elbo.toFixed(4)} (exact ${elboExact.toFixed(4)})`, state.logZ.toFixed(4), gap.toFixed(4), `${d.khat.toFixed(2)} (${d.khatReading})`, String(result.steps), `${ms.toFixed(0)} ms`]) {
    const td = document.createElement('td');
    td.textContent = cell;
    row.append(td);
  }
  els.fits.prepend(row);
  setStatus(
    `Done: q = ${describe(state.q)} after ${result.steps} steps (${result.converged ? 'converged' : d.stopReason}). ` +
      `ELBO ${result.elbo.toFixed(4)} (exact ${elboExact.toFixed(4)}) ≤ log p(x) ${state.logZ.toFixed(4)}; gap KL(q‖p) = ${gap.toFixed(4)}; k̂ ${d.khat.toFixed(2)} (${d.khatReading}).`,
  );
  els.density.dataset.elbo = String(result.elbo);
  els.density.dataset.steps = String(result.steps);
  document.body.dataset.fits = String(Number(document.body.dataset.fits ?? 0) + 1);
  document.body.dataset.state = 'done';
  els.fit.disabled = false;
}

function fail(err) {
  state.fitting = undefined;
  document.body.dataset.state = 'error';
  els.fit.disabled = false;
  setStatus(`Fit failed: ${err instanceof Error ? err.message : String(err)}`, true);
  console.error(err);
}

// ---- Wiring -------------------------------------------------------------------------

let pendingDraw = 0;
els.x.addEventListener('input', () => {
  if (state.fitting !== undefined) {
    state.fitting.cancelled = true;
    state.fitting = undefined;
    els.fit.disabled = false;
  }
  setModel(Number(els.x.value));
  state.q = undefined;
  state.trace = [];
  state.traceName = '';
  document.body.dataset.state = 'ready';
  setStatus(`x = ${state.x.toFixed(1)}: log p(x) = ${state.logZ.toFixed(4)} (grid). Press Fit to fit q.`);
  // Coalesce fast slider moves into one redraw per frame.
  cancelAnimationFrame(pendingDraw);
  pendingDraw = requestAnimationFrame(() => void drawAll());
});
els.fit.addEventListener('click', startFit);

setModel(state.x);
await drawAll();
els.fit.disabled = false;
document.body.dataset.state = 'ready';
setStatus(`x = ${state.x.toFixed(1)}: log p(x) = ${state.logZ.toFixed(4)} (grid). Choose a family and press Fit.`);
