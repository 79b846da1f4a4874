// @correct exported as a const arrow function that evaluates both sides through one map over [x + h, x − h] and destructures the pair
// @names none
// 4.3 numerical differentiation: the central difference with h = 1e-4.
const h = 0.0001;

export const numericalDiff = (f: (x: number) => number, x: number): number => {
  const [right, left] = [x + h, x - h].map((at) => f(at));
  return (right - left) / (h + h);
};
