// The NumPy peer (/work/shared/bench/numpy_twolayer.py): the same net, split and
// hyperparameters in Python, run on one BLAS thread so it races a single-threaded Node.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const PEER_SCRIPT = '../shared/bench/numpy_twolayer.py'; // from the project root
const DEBIAN_PYTHON = '/usr/bin/python3';
const DEBIAN_OPENBLAS = '/usr/lib/x86_64-linux-gnu/openblas-pthread';
export const INSTALL_HINT =
  'no python3 with numpy found; install it with: apt-get install python3-numpy libopenblas0-pthread';
const PEER_TIMEOUT_MS = 30 * 60_000; // --full-numgrad on a slow BLAS takes many minutes

export interface Python {
  exe: string;
  env: Record<string, string>; // added to the environment of every run
  label: string;
}

const importsNumpy = (exe: string, env: Record<string, string>) =>
  spawnSync(exe, ['-c', 'import numpy'], { env: { ...process.env, ...env } }).status === 0;

/** Debian's python3 + numpy on OpenBLAS when present, else a python3 on PATH with numpy. */
export function findPython(): Python | undefined {
  if (fs.existsSync(DEBIAN_OPENBLAS)) {
    const env = { LD_LIBRARY_PATH: DEBIAN_OPENBLAS };
    if (importsNumpy(DEBIAN_PYTHON, env)) {
      return { exe: DEBIAN_PYTHON, env, label: 'Debian python3-numpy + OpenBLAS (pthread build)' };
    }
  }
  if (importsNumpy('python3', {})) return { exe: 'python3', env: {}, label: 'python3 on PATH' };
  return undefined;
}

export interface PeerResult {
  python: string;
  numpy: string;
  blas_libs_mapped: string[];
  runs: { sigmoid: PeerRun };
}
export interface PeerRun {
  train: {
    train_loop_s_excl_eval: number;
    eval_s: number;
    ms_per_iter: number;
    final_train_acc: number;
    final_test_acc: number;
  };
  numgrad_full_784x50x10_b100?: { extrapolated_s_per_gradient: number; measured_full_s?: number };
}

/** Runs a Python script of the bench on one BLAS thread and returns its RESULT_JSON line. */
export function runPython<T>(py: Python, root: string, args: string[]): T {
  const env = { ...process.env, ...py.env, OPENBLAS_NUM_THREADS: '1' };
  const run = spawnSync(py.exe, args, {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: PEER_TIMEOUT_MS,
  });
  const line = run.stdout?.split('\n').find((l) => l.startsWith('RESULT_JSON '));
  if (run.status !== 0 || line === undefined) {
    const why = run.error?.message ?? run.stderr?.trim().split('\n').slice(-3).join('\n');
    throw new Error(`${py.exe} ${args.join(' ')} failed: ${why}`);
  }
  return JSON.parse(line.slice('RESULT_JSON '.length)) as T;
}

/** Runs one peer child; `extra` adds flags such as --train-only. Returns its RESULT_JSON. */
export function runPeer(py: Python, root: string, extra: string[]): PeerResult {
  return runPython(py, root, [PEER_SCRIPT, '--child', '--act', 'sigmoid', ...extra]);
}

/** 'OpenBLAS', 'reference BLAS' (netlib, no fair race) or the mapped library names. */
export function blasKind(libs: string[]): { name: string; reference: boolean } {
  const names = libs.map((l) => path.basename(l));
  if (names.some((n) => /openblas/i.test(n))) return { name: 'OpenBLAS', reference: false };
  if (names.some((n) => /mkl|blis|accelerate/i.test(n)))
    return { name: names.join(', '), reference: false };
  // numpy wheels map scipy_openblas under a mangled name; Debian's netlib lives in .../blas/
  if (libs.some((l) => /\/blas\/libblas/.test(l)))
    return { name: 'reference BLAS (netlib)', reference: true };
  return {
    name: names.join(', ') || 'unknown (no BLAS library mapped)',
    reference: names.length === 0,
  };
}
