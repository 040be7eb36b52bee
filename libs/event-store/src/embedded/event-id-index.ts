/**
 * Event id -> positions, for the idempotency check of appends, in about 32 bytes per event.
 *
 * A Map<string, number> would cost ~100 bytes per event (the id string, the entry): too much for a log of
 * millions. Here an id is reduced to a 64-bit hash (two 32-bit halves) in an open-addressing table of typed
 * arrays. A hash says "maybe": callers confirm a candidate by reading the event at that position, which also
 * makes a collision harmless. Equal hashes may be stored more than once (the same id may be used in two
 * streams), so a lookup returns every candidate.
 */
export class EventIdIndex {
  private high: Uint32Array;
  private low: Uint32Array;
  /** position + 1, so that 0 marks an empty slot. */
  private positions: Float64Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.positions = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  add(hash: IdHash, position: number): void {
    if ((this.count + 1) * 10 > this.positions.length * 7) this.grow();
    this.place(hash.high, hash.low, position + 1);
    this.count += 1;
  }

  /** Whether an event with this id hash may be in the log (false: it certainly is not). */
  mayContain(hash: IdHash): boolean {
    const mask = this.positions.length - 1;
    for (let slot = hash.high & mask; this.positions[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.high[slot] === hash.high && this.low[slot] === hash.low) return true;
    }
    return false;
  }

  /** Positions that may hold an event with this id hash (usually none, or exactly the one). */
  candidates(hash: IdHash): number[] {
    const found: number[] = [];
    const mask = this.positions.length - 1;
    for (let slot = hash.high & mask; this.positions[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.high[slot] === hash.high && this.low[slot] === hash.low) found.push(this.positions[slot] - 1);
    }
    return found;
  }

  private place(high: number, low: number, storedPosition: number): void {
    const mask = this.positions.length - 1;
    let slot = high & mask;
    while (this.positions[slot] !== 0) slot = (slot + 1) & mask;
    this.high[slot] = high;
    this.low[slot] = low;
    this.positions[slot] = storedPosition;
  }

  private grow(): void {
    const { high, low, positions } = this;
    this.high = new Uint32Array(high.length * 2);
    this.low = new Uint32Array(low.length * 2);
    this.positions = new Float64Array(positions.length * 2);
    for (let slot = 0; slot < positions.length; slot += 1) {
      if (positions[slot] !== 0) this.place(high[slot], low[slot], positions[slot]);
    }
  }
}

/** A 64-bit hash of an event id's UTF-8 bytes, as two unsigned 32-bit halves. */
export interface IdHash {
  high: number;
  low: number;
}

/** Two independent 32-bit hashes over the bytes (FNV-1a and a Murmur-style mix). */
export function hashIdBytes(bytes: Uint8Array, from: number, to: number): IdHash {
  let fnv = 0x811c9dc5;
  let murmur = 0x9747b28c ^ (to - from);
  for (let i = from; i < to; i += 1) {
    fnv = Math.imul(fnv ^ bytes[i], 0x01000193);
    murmur = Math.imul(murmur ^ bytes[i], 0x5bd1e995);
    murmur ^= murmur >>> 15;
  }
  murmur = Math.imul(murmur ^ (murmur >>> 13), 0x5bd1e995);
  return { high: fnv >>> 0, low: (murmur ^ (murmur >>> 15)) >>> 0 };
}

export function hashId(id: string): IdHash {
  const bytes = Buffer.from(id, 'utf8');
  return hashIdBytes(bytes, 0, bytes.length);
}
