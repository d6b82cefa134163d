/**
 * Stochastic gradient *ascent* optimizers over the flat variational parameters.
 * Each factory returns an {@link Optimizer} description; `create(n)` gives the
 * state for n parameters (buffers allocated once), and `step` updates θ in place
 * from the gradient g, the scheduled step size η_t and the step count t.
 *
 * | optimizer | update (ascent) |
 * | --- | --- |
 * | `sgd` | θ += η g |
 * | `momentum` | v = μv + g; θ += η v |
 * | `adam` | m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g²; θ += η m̂/(√v̂ + ε) (Kingma & Ba 2015) |
 * | `adagrad` | G += g²; θ += η g/(√G + ε) (Duchi et al. 2011) |
 * | `rmsprop` | v = ρv + (1−ρ)g²; θ += η g/(√(v/(1 − ρᵗ)) + ε) (Tieleman & Hinton 2012, bias-corrected as Adam) |
 *
 * Every optimizer takes `clipNorm`: the gradient is rescaled to that Euclidean
 * norm when larger, and a `schedule` multiplying η (default: Adam, RMSProp, SGD and
 * momentum decay as {@link inverseSqrt}(1), i.e. η/√(1 + t), AdaGrad constant since it
 * decays on its own). What they share (option checks, state, `reset`, `withLr`,
 * clipping) is written once (`defineOptimizer`); each states only its update.
 * `lr` left undefined makes `fit` search the step size (Stan-style).
 *
 * @module
 */
import { invalidOption, positiveOption, unitOption } from './errors';
import { constant, inverseSqrt, type Schedule } from './schedules';

/**
 * The mutable state of an optimizer for one parameter vector.
 *
 * @example
 * ```ts
 * const st: OptimizerState = adam({ lr: 0.1 }).create(2);
 * const theta = Float64Array.of(0, 0);
 * st.step(theta, Float64Array.of(1, -2), 0.1, 1); // ascent
 * theta; // ≈ Float64Array [0.1000, -0.1000]: Adam's first step is η per coordinate
 * ```
 */
export interface OptimizerState {
  /** θ ← θ + update(g) at step size `lr` (already scheduled) and step t ≥ 1. */
  step(params: Float64Array, grad: Float64Array, lr: number, t: number): void;
  /** Clears the moments (used after a rejected step or a restart). */
  reset(): void;
}

/**
 * An optimizer description: base step size (or undefined to let `fit` search it),
 * schedule, and a state factory.
 *
 * @example
 * ```ts
 * const opt: Optimizer = adam({ lr: 0.05 });
 * opt.create(4); // a state for 4 parameters
 * opt.lr;        // → 0.05
 * opt.withLr(0.01).lr; // → 0.01
 * ```
 */
export interface Optimizer {
  /** `"sgd"`, `"momentum"`, `"adam"`, `"adagrad"` or `"rmsprop"`. */
  readonly name: string;
  /** Base step size η, or undefined for the automatic search. */
  readonly lr: number | undefined;
  /** Multiplier of η per step. */
  readonly schedule: Schedule;
  /** Maximum gradient norm (Infinity: no clipping). */
  readonly clipNorm: number;
  /** The state for n parameters. */
  create(n: number): OptimizerState;
  /** The same optimizer with another base step size. */
  withLr(lr: number): Optimizer;
}

/**
 * Options shared by all optimizers.
 *
 * @example
 * ```ts
 * const opts: OptimizerOptions = { lr: 0.01, schedule: inverseSqrt(), clipNorm: 5 };
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { optimizer: rmsprop(opts), seed: 1 }).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export interface OptimizerOptions {
  /** Base step size η > 0; omit to let `fit` choose it by a short search. */
  readonly lr?: number;
  /** Multiplier of η per step. */
  readonly schedule?: Schedule;
  /** Rescale the gradient to this Euclidean norm when larger (default: no clipping). */
  readonly clipNorm?: number;
}

/**
 * Options of {@link adam}.
 *
 * @example
 * ```ts
 * const opts: AdamOptions = { lr: 0.05, beta1: 0.9, beta2: 0.999, clipNorm: 10 };
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { optimizer: adam(opts), seed: 1 }).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export interface AdamOptions extends OptimizerOptions {
  /** First-moment decay β₁ in [0, 1) (default 0.9). */
  readonly beta1?: number;
  /** Second-moment decay β₂ in [0, 1) (default 0.999). */
  readonly beta2?: number;
  /** Denominator guard ε (default 1e-8). */
  readonly epsilon?: number;
}

/** How an optimizer-specific option is checked: in [0, 1), or > 0 and finite. */
type OptionCheck = 'unit' | 'positive';

/**
 * The update of one optimizer: how many per-parameter vectors it keeps (zero when
 * created and after `reset`), the decay rates whose running powers ρᵗ its bias
 * correction reads (1 when created and after `reset`; each multiplied by its rate
 * before every update, so no `pow` per step), and θ += … itself, from the gradient g,
 * the scheduled step size η and the clipping factor c (the gradient used is c·g).
 */
interface UpdateRule {
  readonly vectors: number;
  readonly decays?: readonly number[];
  update(params: Float64Array, grad: Float64Array, lr: number, clip: number, vectors: readonly Float64Array[], powers: Float64Array): void;
}

/** What an optimizer states about itself: its name, default schedule, own options and update. */
interface OptimizerSpec<K extends string> {
  readonly name: string;
  readonly schedule: Schedule;
  /** Its own options in the order they are checked: name → [default, check]. */
  readonly own: { readonly [k in K]: readonly [defaultValue: number, check: OptionCheck] };
  /** The update, from the checked values of its own options. */
  readonly rule: (values: Readonly<Record<K, number>>) => UpdateRule;
}

/**
 * The part every optimizer shares, written once: the checks of `lr`, `clipNorm` and
 * `schedule` (default: the spec's) and of the optimizer's own options, `withLr`, the
 * state (allocated once per `create`), `reset` and gradient clipping.
 */
function defineOptimizer<K extends string>(options: OptimizerOptions & { readonly [k in NoInfer<K>]?: number }, spec: OptimizerSpec<K>): Optimizer {
  const { name } = spec;
  const c = common(name, options, spec.schedule);
  const values = {} as Record<K, number>;
  for (const k of Object.keys(spec.own) as K[]) {
    const [defaultValue, check] = spec.own[k];
    values[k] = (check === 'unit' ? unitOption : positiveOption)(name, k, options[k] ?? defaultValue);
  }
  const rule = spec.rule(values);
  const decays = rule.decays ?? [];
  return {
    name,
    ...c,
    withLr: (lr) => defineOptimizer({ ...options, lr }, spec),
    create(n) {
      const vectors: Float64Array[] = [];
      for (let k = 0; k < rule.vectors; k++) vectors.push(new Float64Array(n));
      const powers = new Float64Array(decays.length).fill(1);
      return {
        reset() {
          for (const v of vectors) v.fill(0);
          powers.fill(1);
        },
        step(p, g, lr) {
          for (let k = 0; k < decays.length; k++) powers[k] *= decays[k];
          rule.update(p, g, lr, clipScale(g, c.clipNorm), vectors, powers);
        },
      };
    },
  };
}

function common(owner: string, o: OptimizerOptions, defaultSchedule: Schedule): { lr: number | undefined; schedule: Schedule; clipNorm: number } {
  if (o === null || typeof o !== 'object') invalidOption(owner, 'options', 'an object', o);
  const lr = o.lr === undefined ? undefined : positiveOption(owner, 'lr', o.lr);
  const clipNorm = o.clipNorm === undefined ? Infinity : positiveOption(owner, 'clipNorm', o.clipNorm);
  const schedule = o.schedule ?? defaultSchedule;
  if (typeof schedule?.factor !== 'function') invalidOption(owner, 'schedule', 'a Schedule', schedule);
  return { lr, schedule, clipNorm };
}

/** Scale factor that brings ‖g‖ down to clipNorm (1 when already below). */
function clipScale(g: Float64Array, clipNorm: number): number {
  if (clipNorm === Infinity) return 1;
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  const n = Math.sqrt(s);
  return n > clipNorm ? clipNorm / n : 1;
}

/**
 * Adam (Kingma & Ba 2015) for ascent, with bias correction; default schedule
 * {@link inverseSqrt}(1): η_t = η/√(1 + t).
 *
 * @param options - lr, beta1, beta2, epsilon, schedule, clipNorm
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { optimizer: adam({ lr: 0.05, clipNorm: 100 }), seed: 1 }).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export function adam(options: AdamOptions = {}): Optimizer {
  return defineOptimizer(options, {
    name: 'adam',
    schedule: inverseSqrt(1),
    own: { beta1: [0.9, 'unit'], beta2: [0.999, 'unit'], epsilon: [1e-8, 'positive'] },
    rule: ({ beta1: b1, beta2: b2, epsilon: eps }) => ({
      vectors: 2,
      decays: [b1, b2],
      update(p, g, lr, cs, [m, v], powers) {
        const bc1 = 1 - powers[0];
        const bc2 = 1 - powers[1];
        for (let i = 0; i < m.length; i++) {
          const gi = g[i] * cs;
          m[i] = b1 * m[i] + (1 - b1) * gi;
          v[i] = b2 * v[i] + (1 - b2) * gi * gi;
          p[i] += (lr * (m[i] / bc1)) / (Math.sqrt(v[i] / bc2) + eps);
        }
      },
    }),
  });
}

/**
 * Plain stochastic gradient ascent θ += η g; default schedule {@link inverseSqrt}(1):
 * η_t = η/√(1 + t).
 *
 * @param options - lr, schedule, clipNorm
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * // Plain SGD needs its step size tuned: with lr 0.01 this fit does not converge in maxSteps.
 * fit(model, { optimizer: sgd({ lr: 0.1 }), seed: 1 }).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export function sgd(options: OptimizerOptions = {}): Optimizer {
  return defineOptimizer(options, {
    name: 'sgd',
    schedule: inverseSqrt(1),
    own: {},
    rule: () => ({
      vectors: 0,
      update(p, g, lr, clip) {
        const cs = clip * lr;
        for (let i = 0; i < p.length; i++) p[i] += cs * g[i];
      },
    }),
  });
}

/**
 * Heavy-ball momentum v = μv + g, θ += η v; default schedule {@link inverseSqrt}(1):
 * η_t = η/√(1 + t).
 *
 * @param options - lr, momentum μ in [0, 1) (default 0.9), schedule, clipNorm
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { optimizer: momentum({ lr: 0.05, momentum: 0.9 }), seed: 1 }).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export function momentum(options: OptimizerOptions & { readonly momentum?: number } = {}): Optimizer {
  return defineOptimizer(options, {
    name: 'momentum',
    schedule: inverseSqrt(1),
    own: { momentum: [0.9, 'unit'] },
    rule: ({ momentum: mu }) => ({
      vectors: 1,
      update(p, g, lr, cs, [v]) {
        for (let i = 0; i < v.length; i++) {
          v[i] = mu * v[i] + cs * g[i];
          p[i] += lr * v[i];
        }
      },
    }),
  });
}

/**
 * AdaGrad (Duchi, Hazan & Singer 2011): θ += η g/(√Σg² + ε); its effective step
 * already decays, so the default schedule is constant.
 *
 * @param options - lr, epsilon (default 1e-8), schedule, clipNorm
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { optimizer: adagrad({ lr: 0.5 }), seed: 1 }).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export function adagrad(options: OptimizerOptions & { readonly epsilon?: number } = {}): Optimizer {
  return defineOptimizer(options, {
    name: 'adagrad',
    schedule: constant(),
    own: { epsilon: [1e-8, 'positive'] },
    rule: ({ epsilon: eps }) => ({
      vectors: 1,
      update(p, g, lr, cs, [G]) {
        for (let i = 0; i < G.length; i++) {
          const gi = g[i] * cs;
          G[i] += gi * gi;
          p[i] += (lr * gi) / (Math.sqrt(G[i]) + eps);
        }
      },
    }),
  });
}

/**
 * RMSProp: v = ρv + (1−ρ)g², θ += η g/(√(v/(1 − ρᵗ)) + ε) (the second moment
 * bias-corrected as in Adam, so the first steps are not huge); default schedule
 * {@link inverseSqrt}(1): η_t = η/√(1 + t).
 *
 * @param options - lr, rho in [0, 1) (default 0.9), epsilon (default 1e-8), schedule, clipNorm
 * @example
 * ```ts
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * fit(model, { optimizer: rmsprop({ lr: 0.01 }), seed: 1 }).posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * ```
 */
export function rmsprop(options: OptimizerOptions & { readonly rho?: number; readonly epsilon?: number } = {}): Optimizer {
  return defineOptimizer(options, {
    name: 'rmsprop',
    schedule: inverseSqrt(1),
    own: { rho: [0.9, 'unit'], epsilon: [1e-8, 'positive'] },
    rule: ({ rho, epsilon: eps }) => ({
      vectors: 1,
      decays: [rho],
      update(p, g, lr, cs, [v], powers) {
        // Bias-correct the second moment so the first steps are not huge.
        const bc = 1 - powers[0];
        for (let i = 0; i < v.length; i++) {
          const gi = g[i] * cs;
          v[i] = rho * v[i] + (1 - rho) * gi * gi;
          p[i] += (lr * gi) / (Math.sqrt(v[i] / bc) + eps);
        }
      },
    }),
  });
}
