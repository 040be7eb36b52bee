/**
 * Types for the mingo subpath modules the embedded store imports. mingo publishes them through its
 * package `exports` map, which the project's `moduleResolution: node` does not read; these
 * declarations point the type checker at mingo's own type files (runtime resolution is Node's).
 */
declare module 'mingo/util' {
  export { compare, isEqual, resolve } from 'mingo/types/util/index';
}

declare module 'mingo/operators/update' {
  export * from 'mingo/types/operators/update/index';
}
