/** A small seeded random source (mulberry32): the same seed gives the same sequence on every machine. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A source for item `index` of a stream, independent of how many numbers other items drew. */
  static forItem(seed: number, stream: number, index: number): SeededRandom {
    return new SeededRandom(mix32(mix32(seed ^ Math.imul(stream, 0x9e3779b9)) ^ index ^ Math.floor(index / 2 ** 32)));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item, each equally likely. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick() needs at least one item");
    return item;
  }

  /** One of the items, chosen with the given weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, weight] of items) {
      r -= weight;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error("weighted() needs at least one item");
    return last[0];
  }

  /** A standard normal number (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A skewed positive whole number of days with the given median (log-normal), at most `max`. */
  lognormalDays(median: number, spread: number, max = Number.POSITIVE_INFINITY): number {
    return Math.min(max, Math.round(median * Math.exp(spread * this.normal())));
  }
}

/** A 32-bit integer hash (murmur3's finaliser). */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A weighted choice with its cumulative weights computed once, for hot loops. */
export class WeightedChoice<T> {
  private readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, weight], i) => {
      total += weight;
      this.cumulative[i] = total;
    });
  }

  draw(random: SeededRandom): T {
    const r = random.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let i = 0;
    while (i < this.items.length - 1 && r >= (this.cumulative[i] ?? 0)) i++;
    const item = this.items[i];
    if (item === undefined) throw new Error("WeightedChoice needs at least one item");
    return item;
  }
}
