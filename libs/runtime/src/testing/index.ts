export { instrumentWrites } from './instrumented-storage';
export type { WriteHook } from './instrumented-storage';
