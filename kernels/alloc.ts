// Output arrays that skip the zeroing, as numpy's `empty`: the outputs of src/ are all written
// in full by their maker, so zeroing them first is wasted work on every training step.

// taken when kernels/ loads, before any student's code could replace it
const allocUnsafeSlow = Buffer.allocUnsafeSlow;

/**
 * `size` elements holding whatever the memory held: only for an output its maker writes in
 * full. Never pooled (Buffer.allocUnsafe would be), so each array keeps a buffer of its own,
 * which linalg's check that `out` shares no memory with an input relies on.
 */
export function uninitialized(size: number): Float64Array {
  return new Float64Array(allocUnsafeSlow(8 * size).buffer, 0, size);
}
