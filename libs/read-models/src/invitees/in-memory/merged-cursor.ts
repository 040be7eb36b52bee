import type BTree from 'sorted-btree';

/**
 * Walks several sorted trees as one, in key order, from just after a key: how a tab that spans several trees (its
 * states, its upload statuses) is paged without gathering it. Each step costs a comparison per tree, not a sort.
 */
export class MergedCursor<V> {
  private readonly iterators: Iterator<[string, V]>[] = [];
  private readonly keys: (string | undefined)[] = [];
  private readonly values: (V | undefined)[] = [];

  /** From the start, or from just after `after`. */
  constructor(trees: readonly BTree<string, V>[], after: string | null) {
    for (const tree of trees) {
      // One pair array per tree, reused by its iterator at every step.
      const iterator = tree.entries(after ?? undefined, []);
      const index = this.iterators.push(iterator) - 1;
      this.keys.push(undefined);
      this.values.push(undefined);
      this.advance(index);
      if (after !== null && this.keys[index] === after) this.advance(index);
    }
  }

  /** The next value in key order, or undefined once every tree is done. */
  next(): V | undefined {
    let smallest = -1;
    for (let index = 0; index < this.keys.length; index += 1) {
      const key = this.keys[index];
      if (key !== undefined && (smallest < 0 || key < this.keys[smallest]!)) smallest = index;
    }
    if (smallest < 0) return undefined;
    const value = this.values[smallest];
    this.advance(smallest);
    return value;
  }

  private advance(index: number): void {
    const step = this.iterators[index].next();
    this.keys[index] = step.done ? undefined : step.value[0];
    this.values[index] = step.done ? undefined : step.value[1];
  }
}
