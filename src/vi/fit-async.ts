/**
 * `fitAsync`: `fit` as a `Promise`, yielding to the event loop while it works, so a
 * page or a server stays responsive during a long fit.
 *
 * It drives {@link fitSteps} (the same loop, hence the same bits as `fit` for the
 * same options) in time slices of {@link FIT_ASYNC_SLICE_MS} measured with
 * `performance.now()` (browsers, workers and Node alike), and between slices waits
 * for one macrotask (`setImmediate` in Node, a `MessageChannel` message in browsers
 * and workers, else `setTimeout(0)`). Cancel it with
 * `signal`: the next step throws the signal's reason and the promise rejects with it.
 *
 * @module
 */
import type { DifferentiableModel } from '../model/differentiable-model';
import { fitSteps } from './fit';
import type { FitOptions } from './fit-options';
import type { ExactGuide, GuideOption } from './guide-types';
import type { FitResult } from './fit-result';

/**
 * Longest stretch of fitting between two yields to the event loop, in ms (8: half a
 * 60 Hz frame, so a page keeps painting while a fit runs on its main thread).
 *
 * @example
 * ```ts
 * import { FIT_ASYNC_SLICE_MS } from 'varinf/vi';
 * console.log(`fitAsync yields every ${FIT_ASYNC_SLICE_MS} ms`);
 * FIT_ASYNC_SLICE_MS; // → 8
 * ```
 */
export const FIT_ASYNC_SLICE_MS = 8;

/**
 * Fits like {@link fit}, asynchronously: a `Promise` of the same result (bit for bit,
 * same options), yielding to the event loop every {@link FIT_ASYNC_SLICE_MS} ms.
 * Options are checked at once (an invalid or unknown option, or an already-aborted
 * `signal`, gives a rejected promise before any step).
 *
 * @param model - a `Model` or any {@link DifferentiableModel}
 * @param options - those of `fit` ({@link FitOptions}), `signal` included
 * @example
 * ```ts
 * import { Exponential, Model, Normal } from 'varinf';
 * import { fit, fitAsync } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const controller = new AbortController(); // in a page: cancelButton.onclick = () => controller.abort();
 * const r = await fitAsync(model, { seed: 1, signal: controller.signal });
 * r.posterior.z; // → LogNormal(mu = -0.3…, sigma = 0.6…)
 * String(r.posterior.z) === String(fit(model, { seed: 1 }).posterior.z); // → true: the same fit
 * ```
 */
export function fitAsync<M extends DifferentiableModel, G extends GuideOption<M> | undefined = undefined>(
  model: M,
  options?: FitOptions<M, G> & { readonly guide?: NoInfer<ExactGuide<M, G>> },
): Promise<FitResult<M, G>>;
/**
 * {@link fitAsync} with options whose guide the compiler cannot pin down (see the
 * second form of `fit`): the posterior is typed per latent as a `ContinuousDistribution`.
 *
 * @example
 * ```ts
 * import { Exponential, Gamma, Model, Normal } from 'varinf';
 * import { fitAsync, type FitOptions } from 'varinf/vi';
 * const model = new Model({ prior: { z: new Exponential(1) }, likelihood: ({ z }) => new Normal(z, 1), data: [1.3] });
 * const options = (useGamma: boolean): FitOptions<typeof model> => (useGamma ? { guide: { z: Gamma } } : {});
 * const r = await fitAsync(model, { ...options(true), seed: 1 });
 * r.posterior.z; // → Gamma(…): typed ContinuousDistribution
 * ```
 */
export function fitAsync<M extends DifferentiableModel>(model: M, options?: FitOptions<M>): Promise<FitResult<M>>;
export async function fitAsync<M extends DifferentiableModel>(model: M, options: FitOptions<M> = {}): Promise<FitResult<M>> {
  const steps = fitSteps<M>(model, options);
  const yielder = macrotaskYielder();
  try {
    let deadline = now() + FIT_ASYNC_SLICE_MS;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (now() >= deadline) {
        await yielder.next();
        deadline = now() + FIT_ASYNC_SLICE_MS;
      }
    }
  } finally {
    yielder.close();
  }
}

/** The host's timers and channels, where present (typed here: the build has no DOM or Node types). */
interface Host {
  readonly performance?: { now(): number };
  readonly setImmediate?: (callback: () => void) => unknown;
  readonly setTimeout?: (callback: () => void, ms: number) => unknown;
  readonly MessageChannel?: new () => {
    readonly port1: { onmessage: (() => void) | null; close(): void };
    readonly port2: { postMessage(message: unknown): void };
  };
}

const host = globalThis as unknown as Host;

/** Milliseconds from a monotonic clock: `performance.now()` (browsers, workers, Node), else `Date.now()`. */
function now(): number {
  return host.performance !== undefined ? host.performance.now() : Date.now();
}

/**
 * Waits for one macrotask, so that timers, I/O and rendering get their turn:
 * `setImmediate` where it exists (Node, Bun: the check phase, after timers and I/O; a
 * `MessageChannel` there would starve timers, since Node drains a port's messages,
 * new ones included, in one go), else a `MessageChannel` message (browsers and
 * workers: a task of its own, without the 4 ms clamp of nested `setTimeout`), else
 * `setTimeout(0)`.
 */
function macrotaskYielder(): { next(): Promise<void>; close(): void } {
  const { setImmediate, MessageChannel, setTimeout } = host;
  if (typeof setImmediate === 'function') {
    return { next: () => new Promise<void>((resolve) => void setImmediate(resolve)), close: () => undefined };
  }
  if (typeof MessageChannel !== 'function') {
    return { next: () => new Promise<void>((resolve) => void setTimeout?.(resolve, 0)), close: () => undefined };
  }
  let channel: InstanceType<typeof MessageChannel> | undefined;
  let wake: (() => void) | undefined;
  return {
    next: () =>
      new Promise<void>((resolve) => {
        if (channel === undefined) {
          // Opened at the first yield only, so a short fit never holds a port.
          channel = new MessageChannel();
          channel.port1.onmessage = () => wake?.();
        }
        wake = resolve;
        channel.port2.postMessage(null);
      }),
    close: () => channel?.port1.close(),
  };
}
