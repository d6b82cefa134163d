/**
 * Special functions for varinf (internal barrel; not a public entry point).
 *
 * @module
 */

export * from './constants';
export * from './elementary';
export * from './logistic';
export * from './gamma-functions';
export * from './error-functions';
export * from './normal-functions';
export * from './incomplete-gamma';
export * from './gamma-temme';
export * from './beta-temme';
export * from './saddle-point';
export * from './quadrature';
export * from './beta-functions';
export * from './incomplete-beta';
export * from './incomplete-beta-inverse';
