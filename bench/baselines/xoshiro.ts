/**
 * The random numbers of the hand-fused baselines: xoshiro128** (Blackman & Vigna)
 * for uniforms and the polar Box–Muller method (Marsaglia) for standard normals,
 * both written plainly, as a careful JS author would inline them.
 */

/** xoshiro128** with a polar Box–Muller normal sampler (one spare kept). */
export class FastRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    // splitmix32 seeding
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
  }

  /** A uniform in (0, 1) with 32 random bits. */
  uniform(): number {
    const b = this.b;
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return (r + 0.5) * 2.3283064365386963e-10;
  }

  /** A standard normal by the polar method (two per acceptance; the spare is kept). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let x: number;
    let y: number;
    let r: number;
    do {
      x = 2 * this.uniform() - 1;
      y = 2 * this.uniform() - 1;
      r = x * x + y * y;
    } while (r >= 1 || r === 0);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    this.spare = y * f;
    this.hasSpare = true;
    return x * f;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Adam with step η/√t and Polyak averaging over the second half of the run, the
 * optimizer every baseline uses: `p += η/√t · m̂ / (√v̂ + 1e-8)` (ascent).
 */
export class AdamAscent {
  readonly m: Float64Array;
  readonly v: Float64Array;
  readonly avg: Float64Array;
  private t = 0;
  private n = 0;

  constructor(size: number, readonly lr: number, readonly steps: number) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
    this.avg = new Float64Array(size);
  }

  /** One ascent step of `p` along `g`; averages the iterates of the second half. */
  step(p: Float64Array, g: Float64Array): void {
    const t = ++this.t;
    const a = this.lr / Math.sqrt(t);
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    const m = this.m;
    const v = this.v;
    for (let k = 0; k < p.length; k++) {
      m[k] = 0.9 * m[k] + 0.1 * g[k];
      v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
      p[k] += (a * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + 1e-8);
    }
    if (t > this.steps / 2) {
      const n = ++this.n;
      for (let k = 0; k < p.length; k++) this.avg[k] += (p[k] - this.avg[k]) / n;
    }
  }
}
