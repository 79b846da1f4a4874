// One side of the race in its own process, so DLFS_THREADS (read at the first shared product) can differ
// between runs: bench/index.ts starts this once per thread count and reads the last line.
// Usage: DLFS_THREADS=n tsx bench/ts-child.ts [--quick]
import { loadMnist } from '../../src/index.ts';
import { threadCount, useFastKernels } from '../../kernels/index.ts';
import { timeNumgrad, timeTraining } from './ts.ts';

useFastKernels();
const quick = process.argv.includes('--quick');
const train = await timeTraining(loadMnist({ oneHotLabel: true }));
const numgrad = await timeNumgrad(!quick);
console.log(`RESULT_JSON ${JSON.stringify({ threads: threadCount(), train, numgrad })}`);
