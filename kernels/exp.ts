// eˣ for the activations (sigmoid, sigmoidGrad, softmax): V8 compiles Math.exp to a call
// into C, which this inlined table method avoids, and it stays within 1 ulp of Math.exp
// (maintainers/tests/kernels/exp.test.ts checks millions of points over the whole finite
// range). Tang's table method, as in glibc and musl:
//   x = k·ln2/N + r with |r| ≤ ln2/2N,  eˣ = 2^(k div N) · 2^((k mod N)/N) · eʳ
// where the table holds 2^(j/N) to about 100 bits (as hi + lo) and eʳ − 1 is its Taylor
// polynomial to r⁵ (the r⁶ term is below 2⁻⁶⁰ relative). The result is rounded once, at the
// last addition, so it is within about 0.5 ulp of eˣ.

const LOG2_N = 7;
const N = 1 << LOG2_N; // table entries
const SHIFT = 6755399441055744; // 1.5·2⁵²: adding and subtracting it rounds to an integer
const N_OVER_LN2 = N / Math.LN2;
// ln2/N in two parts (fdlibm's ln2_hi, ln2_lo): ln2_hi has 32 significant bits, so k·ln2_hi is
// exact for |k| < 2²¹, and x − k·ln2_hi/N is exact
const LN2_HI_N = 6.9314718036912381649e-1 / N;
const LN2_LO_N = 1.9082149292705877e-10 / N;
const LIMIT = 708; // beyond, the result is subnormal or infinite: Math.exp handles it

// double-double arithmetic (a value is hi + lo) for building the table: Dekker's exact product
const SPLIT = 134217729; // 2²⁷ + 1
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const [ca, cb] = [SPLIT * a, SPLIT * b];
  const [ah, bh] = [ca - (ca - a), cb - (cb - b)];
  const [al, bl] = [a - ah, b - bh];
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}
function ddMul([a, b]: [number, number], [c, d]: [number, number]): [number, number] {
  const [p, e] = twoProduct(a, c);
  const err = e + (a * d + b * c);
  const s = p + err;
  return [s, err - (s - p)];
}
function ddSqrt([a, b]: [number, number]): [number, number] {
  const s = Math.sqrt(a);
  const [p, e] = twoProduct(s, s);
  const c = (a - p - e + b) / (2 * s);
  const h = s + c;
  return [h, c - (h - s)];
}

// 2^(j/N) = the product of 2^(1/2), 2^(1/4), …, 2^(1/N) over the bits of j
const T_HI = new Float64Array(N);
const T_LO = new Float64Array(N);
const roots: [number, number][] = [ddSqrt([2, 0])];
while (roots.length < LOG2_N) roots.push(ddSqrt(roots[roots.length - 1]));
for (let j = 0; j < N; j++) {
  let t: [number, number] = [1, 0];
  roots.forEach((root, m) => {
    if (j & (N >> (m + 1))) t = ddMul(t, root);
  });
  [T_HI[j], T_LO[j]] = t;
}
// 2^e for e in [−1023, 1023], exact: doubling and halving a power of two rounds nothing
const POW2 = new Float64Array(2048);
POW2[1024] = 1;
for (let e = 1; e < 1024; e++)
  [POW2[1024 + e], POW2[1024 - e]] = [2 * POW2[1023 + e], POW2[1025 - e] / 2];

/** eˣ within 1 ulp of Math.exp(x), for every double x (NaN, ±∞, −0 included). */
export function fastExp(x: number): number {
  if (!(Math.abs(x) < LIMIT)) return Math.exp(x);
  const kd = x * N_OVER_LN2 + SHIFT - SHIFT; // the nearest integer to x·N/ln2
  const r = x - kd * LN2_HI_N - kd * LN2_LO_N;
  const k = kd | 0;
  const r2 = r * r;
  const p = r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120))); // eʳ − 1
  const t = T_HI[k & (N - 1)];
  return POW2[(k >> LOG2_N) + 1024] * (t + (T_LO[k & (N - 1)] + t * p));
}
