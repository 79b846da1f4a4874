// The course's trusted library, the book's common/ and dataset/ in TypeScript.
// Import everything from here.
export * from './ndarray.ts';
export * from './ops.ts';
export * from './linalg.ts';
export * from './rng.ts';
export * from './functions.ts';
export * from './gradient.ts';
export * from './mnist.ts';
