/** A radix-2 FFT of one fixed size, with its tables computed once. */
export class Fft {
  private readonly bitReverse: Uint32Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;

  constructor(readonly size: number) {
    const bits = Math.log2(size);
    if (!Number.isInteger(bits)) throw new Error(`FFT size must be a power of two, not ${size}`);
    this.bitReverse = new Uint32Array(size);
    for (let i = 0; i < size; i += 1) {
      let r = 0;
      for (let b = 0; b < bits; b += 1) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.bitReverse[i] = r;
    }
    this.cos = Float64Array.from({ length: size / 2 }, (_, i) =>
      Math.cos((-2 * Math.PI * i) / size),
    );
    this.sin = Float64Array.from({ length: size / 2 }, (_, i) =>
      Math.sin((-2 * Math.PI * i) / size),
    );
  }

  /** In place: `re`/`im` hold the signal on entry and its spectrum on return. */
  transform(re: Float64Array, im: Float64Array): void {
    const n = this.size;
    for (let i = 0; i < n; i += 1) {
      const j = this.bitReverse[i] as number;
      if (j > i) {
        const tr = re[i] as number;
        re[i] = re[j] as number;
        re[j] = tr;
        const ti = im[i] as number;
        im[i] = im[j] as number;
        im[j] = ti;
      }
    }
    for (let size = 2; size <= n; size *= 2) {
      const half = size / 2;
      const step = n / size;
      for (let start = 0; start < n; start += size) {
        for (let k = 0; k < half; k += 1) {
          const wr = this.cos[k * step] as number;
          const wi = this.sin[k * step] as number;
          const a = start + k;
          const b = a + half;
          const xr = (re[b] as number) * wr - (im[b] as number) * wi;
          const xi = (re[b] as number) * wi + (im[b] as number) * wr;
          re[b] = (re[a] as number) - xr;
          im[b] = (im[a] as number) - xi;
          re[a] = (re[a] as number) + xr;
          im[a] = (im[a] as number) + xi;
        }
      }
    }
  }

  /** |X(k)|² for k = 0…size/2 of what `transform` left in re/im. */
  power(re: Float64Array, im: Float64Array, out: Float64Array): void {
    for (let k = 0; k <= this.size / 2; k += 1)
      out[k] = (re[k] as number) ** 2 + (im[k] as number) ** 2;
  }
}

/** A triangular filter over FFT bins: first bin and weights. */
export interface BandFilter {
  start: number;
  weights: Float64Array;
}

/** Σ weight × power over each filter's bins. */
export function applyFilters(
  filters: readonly BandFilter[],
  power: Float64Array,
  out: Float64Array | Float32Array,
  offset = 0,
): void {
  filters.forEach(({ start, weights }, band) => {
    let sum = 0;
    for (let k = 0; k < weights.length; k += 1)
      sum += (weights[k] as number) * (power[start + k] as number);
    out[offset + band] = sum;
  });
}
