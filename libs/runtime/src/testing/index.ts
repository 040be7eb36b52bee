export { openReadStore } from './open-read-store';
export { applyEvents, snapshotReadModels } from './read-model-helpers';
export { ManualFence } from './manual-fence';
