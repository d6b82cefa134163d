// The README example and the one-class-identity checks, as a CommonJS consumer.
// Run by test/package/consumers.test.ts (npm test) and by .ci/run on the packed tarball.
'use strict';
const { Exponential, LogNormal, Model, Normal, kl, InvalidParameterError } = require('varinf');
const { fit, estimateElbo } = require('varinf/vi');
const check = (ok, what) => { if (!ok) throw new Error('failed: ' + what); };

const model = new Model({
  prior: { z: new Exponential(1) },
  likelihood: ({ z }) => new Normal(z, 1),
  data: [1.3],
});
const p = Math.exp(model.logJoint({ z: 1.5 }));
check(Math.abs(p - 0.08725) < 1e-4, 'logJoint ' + p);
check(Math.abs(model.gradLogJoint({ z: 1.5 }).z + 1.2) < 1e-12, 'gradLogJoint');

const result = fit(model, { guide: { z: LogNormal }, seed: 1 });
const q = result.posterior.z;
check(q instanceof LogNormal, 'posterior instanceof LogNormal');
check(q.constructor.name === 'LogNormal', 'constructor.name ' + q.constructor.name);
check(Math.abs(q.mu + 0.320) < 0.01 && Math.abs(q.sigma - 0.664) < 0.01, 'fitted q ' + q.mu + ' ' + q.sigma);
check(Math.abs(result.elbo + 1.4397) < 0.01, 'elbo ' + result.elbo);
const d = kl(new LogNormal(0, 1), q);
check(Number.isFinite(d) && d > 0, 'kl across entry points ' + d);
const e = estimateElbo(model, { z: q }, { samples: 1000, seed: 2 });
check(Math.abs(e.value - result.elbo) < 6 * e.stderr + 1e-3, 'estimateElbo on the fitted q');
for (const C of [Exponential, LogNormal, Model, Normal]) check(!C.name.startsWith('_'), 'class name ' + C.name);
try { new LogNormal(0, -1); check(false, 'no throw'); } catch (err) {
  check(err instanceof InvalidParameterError && err instanceof RangeError, 'error class');
  check(/^LogNormal: sigma/.test(err.message), 'message ' + err.message);
}
console.log('ok', result.steps);
