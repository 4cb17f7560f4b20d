/**
 * A small seeded generator (sfc32) for the bulk loader: a million cases need tens of millions of
 * draws, and the same seed must give the same cases. Not for anything secret: keys and IVs come
 * from the keyring's own randomness.
 */
export class SeededRandom {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next32();
  }

  /** The next 32 random bits as an unsigned integer. */
  next32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }
}

/**
 * UUID version 7 ids, like `newId`, drawn from the seeded generator so that a load is repeatable.
 * They start at the load's clock and count up (a 12-bit counter per millisecond), so every
 * table's primary key is appended to in order, as it is when cases arrive one after another.
 */
export class SeededIds {
  #ms: number;
  #counter = 0;

  constructor(
    private readonly random: SeededRandom,
    startMs: number,
  ) {
    this.#ms = startMs;
  }

  next(): string {
    if (this.#counter === 0x1000) {
      this.#ms += 1;
      this.#counter = 0;
    }
    const counter = this.#counter++;
    const ms = this.#ms;
    const r1 = this.random.next32();
    const r2 = this.random.next32();
    // Byte by byte through a table: a million cases need some 35 million ids.
    const hi = Math.floor(ms / 2 ** 16);
    const variant = 0x8000 | (r1 & 0x3fff);
    const r1hi = (r1 >>> 16) & 0xffff;
    return `${HEX[(hi >>> 24) & 0xff]}${HEX[(hi >>> 16) & 0xff]}${HEX[(hi >>> 8) & 0xff]}${HEX[hi & 0xff]}-${HEX[(ms >>> 8) & 0xff]}${HEX[ms & 0xff]}-7${HEX_DIGIT[counter >>> 8]}${HEX[counter & 0xff]}-${HEX[variant >>> 8]}${HEX[variant & 0xff]}-${HEX[r1hi >>> 8]}${HEX[r1hi & 0xff]}${HEX[r2 >>> 24]}${HEX[(r2 >>> 16) & 0xff]}${HEX[(r2 >>> 8) & 0xff]}${HEX[r2 & 0xff]}`;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const HEX_DIGIT = Array.from({ length: 16 }, (_, i) => i.toString(16));
