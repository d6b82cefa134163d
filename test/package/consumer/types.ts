// A TypeScript consumer of the README example: .ci/run typechecks it against the
// packed package under moduleResolution node10, node16 (CommonJS and ESM) and
// bundler, with skipLibCheck off, so the declarations themselves are checked.
import { Exponential, LogNormal, Model, Normal, kl } from 'varinf';
import { fit } from 'varinf/vi';
import { tracePlot } from 'varinf/plot';

const model = new Model({
  prior: { z: new Exponential(1) },
  likelihood: ({ z }) => new Normal(z, 1),
  data: [1.3],
});
const result = fit(model, { guide: { z: LogNormal }, seed: 1 });
const d: number = kl(new LogNormal(0, 1), result.posterior.z);
const spec: object = tracePlot([{ name: 'LogNormal', values: result.trace }]);
export { d, spec };
