// jStat ships no type declarations; the benchmark only needs its `jStat` namespace.
declare module 'jstat' {
  const jstat: { jStat: Record<string, Record<string, (...args: number[]) => number>> };
  export default jstat;
}
