/**
 * The lecture's seed example (what `npm run demo` runs):
 *
 *   prior       z ~ Exponential(1)
 *   likelihood  x | z ~ Normal(z, 1)
 *   observation x = 1.3
 *
 * The model gives the joint p(z, x) at any z, exactly, with its gradient. What it
 * does not give is the evidence p(x) = ∫ p(z, x) dz and hence the posterior
 * p(z | x) = p(z, x) / p(x). Here the evidence is computed by quadrature, which
 * only works because z is one-dimensional; variational inference approximates it
 * (and the posterior) in any dimension.
 *
 * Run: `npx tsx examples/seed.ts`
 */
import { Exponential, Model, Normal } from '../src/index';
import { integrate } from '../src/math/quadrature';

const x = 1.3;
const model = new Model({
  prior: { z: new Exponential(1) },
  likelihood: ({ z }) => new Normal(z, 1),
  data: [x],
});

const f = (v: number, d = 4) => v.toFixed(d);
const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)}${value}`);

console.log('\nThe model');
console.log('  prior       z ~ Exponential(1)');
console.log('  likelihood  x | z ~ Normal(z, 1)');
console.log(`  observation x = ${x}`);

console.log('\nWhat we know: the joint, pointwise and exactly');
const z0 = 1.5;
line(`log p(z = ${z0}, x = ${x})  = model.logJoint`, f(model.logJoint({ z: z0 }), 6));
line(`p(z = ${z0}, x = ${x})  ≈ 0.087`, f(Math.exp(model.logJoint({ z: z0 })), 5));
line(`  = p(z) · p(x | z) = e^-1.5 · φ(-0.2)`, f(Math.exp(-1.5) * new Normal(z0, 1).pdf(x), 5));
line(`d/dz log p(z, x) at z = ${z0} (gradLogJoint)`, f(model.gradLogJoint({ z: z0 }).z, 6));
for (const z of [0, 0.5, 1, 2, 3]) line(`p(z = ${z}, x = ${x})`, f(Math.exp(model.logJoint({ z }))));

console.log('\nWhat we do not know: the evidence and the posterior');
const joint = (z: number) => Math.exp(model.logJoint({ z }));
const evidence = integrate(joint, 0, Infinity).value;
line('evidence p(x) = ∫ p(z, x) dz (quadrature)', f(evidence, 6));
line('log p(x)', f(Math.log(evidence), 6));
line(`posterior p(z = ${z0} | x) = p(z, x) / p(x)`, f(joint(z0) / evidence));
const mean = integrate((z) => z * joint(z), 0, Infinity).value / evidence;
line('posterior mean E[z | x]', f(mean));
console.log('\n  The posterior is Normal(x − 1, 1) truncated to z ≥ 0: here it has a closed');
console.log('  form, but in general neither p(x) nor p(z | x) does. Variational inference');
console.log('  (varinf/vi) fits a q(z) that maximizes the ELBO ≤ log p(x), using only');
console.log('  model.logJoint and its gradient.\n');
