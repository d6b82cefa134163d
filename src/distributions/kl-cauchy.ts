/**
 * KL divergence between two Cauchy distributions.
 *
 * @module
 */
import { LN_2 } from '../math/constants';

/**
 * KL(Cauchy(μp, σp) ‖ Cauchy(μq, σq)) = log(1 + ((σp − σq)² + (μp − μq)²)/(4σpσq))
 * (Chyzak & Nielsen 2019, "A closed-form formula for the Kullback–Leibler
 * divergence between Cauchy distributions"); symmetric in p and q.
 *
 * Written as log1p(h²) with h = hypot(σp − σq, μp − μq)/(2√σp√σq): the
 * differences are exact when p ≈ q (Sterbenz), so a KL of 1e-16 keeps full
 * relative precision, and nothing overflows (√σp√σq instead of √(σpσq); halves
 * when μp − μq overflows; logs when h² would). Accuracy: a few ulps.
 *
 * @param muP - location of p
 * @param sigmaP - scale of p, > 0
 * @param muQ - location of q
 * @param sigmaQ - scale of q, > 0
 * @returns KL(p ‖ q) ≥ 0 in nats
 * @example
 * ```ts
 * klCauchy(0, 1, 1, 2);    // → 0.22314355131420976 (= log(5/4))
 * klCauchy(0, 1, 1e-6, 1); // → 2.4999999999996874e-13
 * ```
 */
export function klCauchy(muP: number, sigmaP: number, muQ: number, sigmaQ: number): number {
  const ds = sigmaP - sigmaQ;
  const dm = muP - muQ;
  const twoRootProduct = 2 * Math.sqrt(sigmaP) * Math.sqrt(sigmaQ);
  // hypot(ds, dm)/twoRootProduct as hScaled·2^k: halves only when μp − μq overflows.
  const halved = !Number.isFinite(dm);
  const hScaled = halved ? Math.hypot(0.5 * ds, 0.5 * muP - 0.5 * muQ) : Math.hypot(ds, dm);
  const h = hScaled / twoRootProduct;
  if (!halved && h < 1e150) return Math.log1p(h * h);
  // log1p(h²) = 2 log h + log1p(h⁻²), and h⁻² < 1e-300 here (or h itself overflows).
  return 2 * (Math.log(hScaled) + (halved ? LN_2 : 0) - Math.log(twoRootProduct));
}
