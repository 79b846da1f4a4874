/**
 * @mistake re-exports src's numericalGradient, the trusted answer, instead of writing one
 * @caughtBy gives the book gradients (6, 8), (0, 4) and (6, 0) of x0² + x1² at (3, 4), (0, 2) and (3, 0)
 */
export { numericalGradient } from '../../../src/index.ts';
