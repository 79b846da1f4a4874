;; The matrix products of src/linalg.ts in WebAssembly with 128-bit SIMD: each f64x2 value holds
;; two adjacent columns, so one mul and one add do two multiply-adds. `npm run build:wasm` assembles
;; this text into matmul.wasm (commit both; `npm run check` compares them). kernels/wasm.ts
;; loads that binary when the fast kernels are switched on, copies the operands into `memory`,
;; calls a kernel and copies the result out. Every pointer below is a byte offset into that memory; matrices are row-major
;; f64.
;;
;; Both products are built the same way as the JS path (kernels/js.ts): an output row is a
;; combination of rows of B, Σ_t vals[t]·B[rows[t], :], over the nonzero entries of one row (dot)
;; or column (dot_tn) of A only. Each output column sums its terms in the order t = 0, 1, … (the
;; two-column blocks keep even and odd t in separate sums, added at the end), which differs from
;; the JS path's order, so the two agree to rounding, not bit for bit.
(module
;; The memory is the caller's, shared so that kernels/team.ts can run half of a product on
  ;; a second thread over the same operands; 16384 pages is the 1 GiB wasm.ts allows.
  (import "env" "memory" (memory 1 16384 shared))

  ;; C[c .. c + 8n) = Σ_{t < count} vals[t] · B-row at rows[t], for a row of n columns.
  ;; rows[t] is the byte address of a row of B, vals[t] its weight (both lists are the caller's).
  ;; Register blocking: 24 columns (twelve f64x2 accumulators) are summed over all t before they
  ;; are stored, so each term costs one load of B per two columns and no load or store of C.
  ;; Twelve is what V8 keeps in registers with room to spare (x64 has sixteen); it compiles eight
  ;; worse (docs/KERNELS.md). Columns left over go eight, then two at a time,
  ;; then the last odd one alone; n = 50 is two blocks of 24 and one of 2.
  (func $combine (param $c i32) (param $n i32) (param $rows i32) (param $vals i32) (param $count i32)
    (local $j i32)     ;; byte offset of the current column block within a row
    (local $width i32) ;; 8n, the bytes in a row
    (local $t i32)     ;; byte offset into rows (4 per term)
    (local $tEnd i32)
    (local $v v128)    ;; vals[t] in both lanes
    (local $b i32)     ;; address of B[rows[t], j]
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $s4 v128) (local $s5 v128) (local $s6 v128) (local $s7 v128)
    (local $s8 v128) (local $s9 v128) (local $s10 v128) (local $s11 v128)
    (local.set $width (i32.shl (local.get $n) (i32.const 3)))
    (local.set $tEnd (i32.shl (local.get $count) (i32.const 2)))

    ;; blocks of 24 columns
    (block $done24
      (loop $block24
        (br_if $done24 (i32.gt_u (i32.add (local.get $j) (i32.const 192)) (local.get $width)))
        (local.set $s0 (v128.const i64x2 0 0)) (local.set $s1 (v128.const i64x2 0 0))
        (local.set $s2 (v128.const i64x2 0 0)) (local.set $s3 (v128.const i64x2 0 0))
        (local.set $s4 (v128.const i64x2 0 0)) (local.set $s5 (v128.const i64x2 0 0))
        (local.set $s6 (v128.const i64x2 0 0)) (local.set $s7 (v128.const i64x2 0 0))
        (local.set $s8 (v128.const i64x2 0 0)) (local.set $s9 (v128.const i64x2 0 0))
        (local.set $s10 (v128.const i64x2 0 0)) (local.set $s11 (v128.const i64x2 0 0))
        (local.set $t (i32.const 0))
        (block $terms24
          (loop $term24
            (br_if $terms24 (i32.ge_u (local.get $t) (local.get $tEnd)))
            (local.set $v (v128.load64_splat (i32.add (local.get $vals) (i32.shl (local.get $t) (i32.const 1)))))
            (local.set $b (i32.add (i32.load (i32.add (local.get $rows) (local.get $t))) (local.get $j)))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $b)))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $b)))))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $b)))))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $b)))))
            (local.set $s4 (f64x2.add (local.get $s4) (f64x2.mul (local.get $v) (v128.load offset=64 (local.get $b)))))
            (local.set $s5 (f64x2.add (local.get $s5) (f64x2.mul (local.get $v) (v128.load offset=80 (local.get $b)))))
            (local.set $s6 (f64x2.add (local.get $s6) (f64x2.mul (local.get $v) (v128.load offset=96 (local.get $b)))))
            (local.set $s7 (f64x2.add (local.get $s7) (f64x2.mul (local.get $v) (v128.load offset=112 (local.get $b)))))
            (local.set $s8 (f64x2.add (local.get $s8) (f64x2.mul (local.get $v) (v128.load offset=128 (local.get $b)))))
            (local.set $s9 (f64x2.add (local.get $s9) (f64x2.mul (local.get $v) (v128.load offset=144 (local.get $b)))))
            (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $v) (v128.load offset=160 (local.get $b)))))
            (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $v) (v128.load offset=176 (local.get $b)))))
            (local.set $t (i32.add (local.get $t) (i32.const 4)))
            (br $term24)))
        (local.set $b (i32.add (local.get $c) (local.get $j)))
        (v128.store offset=0 (local.get $b) (local.get $s0))
        (v128.store offset=16 (local.get $b) (local.get $s1))
        (v128.store offset=32 (local.get $b) (local.get $s2))
        (v128.store offset=48 (local.get $b) (local.get $s3))
        (v128.store offset=64 (local.get $b) (local.get $s4))
        (v128.store offset=80 (local.get $b) (local.get $s5))
        (v128.store offset=96 (local.get $b) (local.get $s6))
        (v128.store offset=112 (local.get $b) (local.get $s7))
        (v128.store offset=128 (local.get $b) (local.get $s8))
        (v128.store offset=144 (local.get $b) (local.get $s9))
        (v128.store offset=160 (local.get $b) (local.get $s10))
        (v128.store offset=176 (local.get $b) (local.get $s11))
        (local.set $j (i32.add (local.get $j) (i32.const 192)))
        (br $block24)))

    ;; blocks of 8 columns, while 8 to 23 are left (n = 10 in the book's second layer: one)
    (block $done8
      (loop $block8
        (br_if $done8 (i32.gt_u (i32.add (local.get $j) (i32.const 64)) (local.get $width)))
        (local.set $s0 (v128.const i64x2 0 0)) (local.set $s1 (v128.const i64x2 0 0))
        (local.set $s2 (v128.const i64x2 0 0)) (local.set $s3 (v128.const i64x2 0 0))
        (local.set $t (i32.const 0))
        (block $terms8
          (loop $term8
            (br_if $terms8 (i32.ge_u (local.get $t) (local.get $tEnd)))
            (local.set $v (v128.load64_splat (i32.add (local.get $vals) (i32.shl (local.get $t) (i32.const 1)))))
            (local.set $b (i32.add (i32.load (i32.add (local.get $rows) (local.get $t))) (local.get $j)))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $b)))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $b)))))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $b)))))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $b)))))
            (local.set $t (i32.add (local.get $t) (i32.const 4)))
            (br $term8)))
        (local.set $b (i32.add (local.get $c) (local.get $j)))
        (v128.store offset=0 (local.get $b) (local.get $s0))
        (v128.store offset=16 (local.get $b) (local.get $s1))
        (v128.store offset=32 (local.get $b) (local.get $s2))
        (v128.store offset=48 (local.get $b) (local.get $s3))
        (local.set $j (i32.add (local.get $j) (i32.const 64)))
        (br $block8)))

    ;; blocks of 2 columns; two accumulators (even and odd t) so consecutive adds do not wait
    ;; on each other
    (block $done2
      (loop $block2
        (br_if $done2 (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $width)))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $s1 (v128.const i64x2 0 0))
        (local.set $t (i32.const 0))
        (block $terms2
          (loop $term2
            (br_if $terms2 (i32.ge_u (i32.add (local.get $t) (i32.const 4)) (local.get $tEnd)))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul
              (v128.load64_splat (i32.add (local.get $vals) (i32.shl (local.get $t) (i32.const 1))))
              (v128.load (i32.add (i32.load (i32.add (local.get $rows) (local.get $t))) (local.get $j))))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul
              (v128.load64_splat offset=8 (i32.add (local.get $vals) (i32.shl (local.get $t) (i32.const 1))))
              (v128.load (i32.add (i32.load offset=4 (i32.add (local.get $rows) (local.get $t))) (local.get $j))))))
            (local.set $t (i32.add (local.get $t) (i32.const 8)))
            (br $term2)))
        ;; an odd count leaves one term
        (if (i32.lt_u (local.get $t) (local.get $tEnd))
          (then
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul
              (v128.load64_splat (i32.add (local.get $vals) (i32.shl (local.get $t) (i32.const 1))))
              (v128.load (i32.add (i32.load (i32.add (local.get $rows) (local.get $t))) (local.get $j))))))))
        (v128.store (i32.add (local.get $c) (local.get $j)) (f64x2.add (local.get $s0) (local.get $s1)))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $block2)))

    ;; the last column of an odd n, in scalar f64 (lane 0 of $s0)
    (if (i32.lt_u (local.get $j) (local.get $width))
      (then
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $t (i32.const 0))
        (block $terms1
          (loop $term1
            (br_if $terms1 (i32.ge_u (local.get $t) (local.get $tEnd)))
            (local.set $s0 (f64x2.replace_lane 0 (local.get $s0) (f64.add
              (f64x2.extract_lane 0 (local.get $s0))
              (f64.mul
                (f64.load (i32.add (local.get $vals) (i32.shl (local.get $t) (i32.const 1))))
                (f64.load (i32.add (i32.load (i32.add (local.get $rows) (local.get $t))) (local.get $j)))))))
            (local.set $t (i32.add (local.get $t) (i32.const 4)))
            (br $term1)))
        (f64.store (i32.add (local.get $c) (local.get $j)) (f64x2.extract_lane 0 (local.get $s0))))))

  ;; Lists the nonzero entries of A[0 .. k) (one row of A at address a) into rows/vals and returns
  ;; how many there are; rows[t] gets the address of the matching row of B, b + p·bStep. Eight
  ;; entries are tested at once (the OR of their bits is 0 only if all eight are +0), which skips
  ;; MNIST's blank margins in a few instructions. Within a group that has a nonzero, the listing
  ;; is branch-free: every entry is written and the count advances only past nonzeros, so
  ;; irregular zeros cost no mispredicted branches. (−0 passes the group test but not `ne 0`.)
  (func $list (param $a i32) (param $k i32) (param $b i32) (param $bStep i32)
    (param $rows i32) (param $vals i32) (result i32)
    (local $count i32) (local $end i32) (local $groupEnd i32) (local $x f64)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 3))))
    (block $listed
      (loop $group
        (br_if $listed (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $groupEnd (i32.add (local.get $a) (i32.const 64)))
        (if (i32.gt_u (local.get $groupEnd) (local.get $end))
          (then (local.set $groupEnd (local.get $end))) ;; the last, short group: no skip test
          (else
            (if (i32.eqz (v128.any_true (v128.or
                  (v128.or (v128.load offset=0 (local.get $a)) (v128.load offset=16 (local.get $a)))
                  (v128.or (v128.load offset=32 (local.get $a)) (v128.load offset=48 (local.get $a))))))
              (then
                (local.set $a (local.get $groupEnd))
                (local.set $b (i32.add (local.get $b) (i32.shl (local.get $bStep) (i32.const 3))))
                (br $group)))))
        (loop $entry
          (local.set $x (f64.load (local.get $a)))
          (i32.store (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))) (local.get $b))
          (f64.store (i32.add (local.get $vals) (i32.shl (local.get $count) (i32.const 3))) (local.get $x))
          (local.set $count (i32.add (local.get $count) (f64.ne (local.get $x) (f64.const 0))))
          (local.set $a (i32.add (local.get $a) (i32.const 8)))
          (local.set $b (i32.add (local.get $b) (local.get $bStep)))
          (br_if $entry (i32.lt_u (local.get $a) (local.get $groupEnd))))
        (br $group)))
    (local.get $count))

  ;; C (m, n) = A (m, k) · B (k, n): each row of A lists its nonzeros, which are then combined.
  (func $dot (export "dot")
    (param $a i32) (param $m i32) (param $k i32) (param $b i32) (param $n i32) (param $c i32)
    (param $rows i32) (param $vals i32)
    (local $i i32)
    (local $bStep i32)  ;; 8n, the bytes in a row of B (and of C)
    (local.set $bStep (i32.shl (local.get $n) (i32.const 3)))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $m)))
        (call $combine (local.get $c) (local.get $n) (local.get $rows) (local.get $vals)
          (call $list (local.get $a) (local.get $k) (local.get $b) (local.get $bStep)
            (local.get $rows) (local.get $vals)))
        (local.set $a (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 3))))
        (local.set $c (i32.add (local.get $c) (local.get $bStep)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $row))))

  ;; The first half of C (m, n) = Aᵀ · B for A (k, m), B (k, n), as xᵀ·δ in backpropagation.
  ;; One row-major scan of A files each nonzero A[p, i] under column i (a compressed sparse
  ;; column copy: column i's list starts at entry i·k, counts[i] says how long it is), with
  ;; rows[] holding the address of B's row p; combine_columns then makes the output rows.
  ;; Scanning A once in memory order is what makes this fast: reading a column of A directly
  ;; would stride 8m bytes per entry.
  (func (export "list_columns")
    (param $a i32) (param $k i32) (param $m i32) (param $b i32) (param $n i32)
    (param $rows i32) (param $vals i32) (param $counts i32)
    (local $p i32) (local $i i32) (local $x f64) (local $slot i32) (local $count i32)
    (local $bRow i32) (local $bStep i32)
    (local.set $bStep (i32.shl (local.get $n) (i32.const 3)))
    (memory.fill (local.get $counts) (i32.const 0) (i32.shl (local.get $m) (i32.const 2)))
    (local.set $bRow (local.get $b))
    (block $scanned
      (loop $row
        (br_if $scanned (i32.ge_u (local.get $p) (local.get $k)))
        (local.set $i (i32.const 0))
        (block $rowDone
          (loop $entry
            (br_if $rowDone (i32.ge_u (local.get $i) (local.get $m)))
            ;; eight entries that are all +0 are skipped at once, as in $list
            (if (i32.and
                  (i32.le_u (i32.add (local.get $i) (i32.const 8)) (local.get $m))
                  (i32.eqz (v128.any_true (v128.or
                    (v128.or (v128.load offset=0 (local.get $a)) (v128.load offset=16 (local.get $a)))
                    (v128.or (v128.load offset=32 (local.get $a)) (v128.load offset=48 (local.get $a)))))))
              (then
                (local.set $a (i32.add (local.get $a) (i32.const 64)))
                (local.set $i (i32.add (local.get $i) (i32.const 8)))
                (br $entry)))
            (local.set $x (f64.load (local.get $a)))
            (if (f64.ne (local.get $x) (f64.const 0))
              (then
                (local.set $count (i32.load (i32.add (local.get $counts) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $slot (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $count)))
                (i32.store (i32.add (local.get $rows) (i32.shl (local.get $slot) (i32.const 2))) (local.get $bRow))
                (f64.store (i32.add (local.get $vals) (i32.shl (local.get $slot) (i32.const 3))) (local.get $x))
                (i32.store (i32.add (local.get $counts) (i32.shl (local.get $i) (i32.const 2)))
                  (i32.add (local.get $count) (i32.const 1)))))
            (local.set $a (i32.add (local.get $a) (i32.const 8)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $entry)))
        (local.set $bRow (i32.add (local.get $bRow) (local.get $bStep)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $row))))

  ;; C rows i0 .. i1 of Aᵀ·B from the column lists of list_columns: output row i combines the
  ;; rows of B that column i of A listed. Rows are independent, so two threads can each take a
  ;; range and the result is the same, bit for bit, as one thread doing all.
  (func $combineColumns (export "combine_columns")
    (param $c i32) (param $n i32) (param $rows i32) (param $vals i32) (param $counts i32)
    (param $k i32) (param $i0 i32) (param $i1 i32)
    (local $i i32) (local $slot i32) (local $bStep i32)
    (local.set $bStep (i32.shl (local.get $n) (i32.const 3)))
    (local.set $i (local.get $i0))
    (local.set $c (i32.add (local.get $c) (i32.mul (local.get $i0) (local.get $bStep))))
    (block $combined
      (loop $out
        (br_if $combined (i32.ge_u (local.get $i) (local.get $i1)))
        (local.set $slot (i32.mul (local.get $i) (local.get $k)))
        (call $combine (local.get $c) (local.get $n)
          (i32.add (local.get $rows) (i32.shl (local.get $slot) (i32.const 2)))
          (i32.add (local.get $vals) (i32.shl (local.get $slot) (i32.const 3)))
          (i32.load (i32.add (local.get $counts) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $c (i32.add (local.get $c) (local.get $bStep)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $out))))

  ;; The same two products shared between threads (kernels/team.ts): every thread runs the
  ;; same call, and each takes the next few output rows from the counter at `next` until none
  ;; are left. A thread the system keeps waiting simply takes fewer rows, where a fixed split
  ;; would keep the others waiting for it. Each row is computed by the code above whichever
  ;; thread takes it, so the result is the same bit for bit.
  (func (export "dot_shared")
    (param $a i32) (param $m i32) (param $k i32) (param $b i32) (param $n i32) (param $c i32)
    (param $rows i32) (param $vals i32) (param $next i32)
    (local $i i32) (local $end i32)
    (loop $chunk
      (local.set $i (i32.atomic.rmw.add (local.get $next) (i32.const 4)))  ;; 4 rows at a time
      (if (i32.lt_u (local.get $i) (local.get $m))
        (then
          (local.set $end (select (local.get $m) (i32.add (local.get $i) (i32.const 4))
            (i32.lt_u (local.get $m) (i32.add (local.get $i) (i32.const 4)))))
          (call $dot
            (i32.add (local.get $a) (i32.mul (local.get $i) (i32.shl (local.get $k) (i32.const 3))))
            (i32.sub (local.get $end) (local.get $i)) (local.get $k) (local.get $b) (local.get $n)
            (i32.add (local.get $c) (i32.mul (local.get $i) (i32.shl (local.get $n) (i32.const 3))))
            (local.get $rows) (local.get $vals))
          (br $chunk)))))

  (func (export "combine_columns_shared")
    (param $c i32) (param $n i32) (param $rows i32) (param $vals i32) (param $counts i32)
    (param $k i32) (param $m i32) (param $next i32)
    (local $i i32)
    (loop $chunk
      (local.set $i (i32.atomic.rmw.add (local.get $next) (i32.const 16)))  ;; 16 rows at a time
      (if (i32.lt_u (local.get $i) (local.get $m))
        (then
          (call $combineColumns (local.get $c) (local.get $n) (local.get $rows) (local.get $vals)
            (local.get $counts) (local.get $k) (local.get $i)
            (select (local.get $m) (i32.add (local.get $i) (i32.const 16))
              (i32.lt_u (local.get $m) (i32.add (local.get $i) (i32.const 16)))))
          (br $chunk)))))
)
