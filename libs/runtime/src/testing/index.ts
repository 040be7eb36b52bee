export { instrumentWrites } from './instrumented-storage';
export type { WriteHook } from './instrumented-storage';
export { ManualFence } from './manual-fence';
