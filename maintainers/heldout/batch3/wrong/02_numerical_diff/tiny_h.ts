// @mistake uses h = 1e-50 (the book's "bad" example) instead of 1e-4: x ± h rounds back to x for ordinary x, so the result is 0 (or wildly wrong) instead of f'(x), e.g. f = x² at x = 3 gives 0
// @names step_size, tiny_step
// Exercise 02 · Numerical differentiation (book 4.3)
// f'(x) ≈ (f(x + h) − f(x − h)) / 2h, with h as small as possible for the best limit

const h = 1e-50;

export function numericalDiff(f: (x: number) => number, x: number): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}
