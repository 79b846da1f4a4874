// `npm run watch`: a rustlings-style loop for students. It grades everything once, then
// reruns the exercise you save (debounced, so an editor's burst of writes is one run) and
// shows your progress across all seven. Keys: h shows the hint, r reruns, q quits. Without
// a terminal (piped, CI) it prints the hint with every result instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, watch } from 'node:fs';
import path from 'node:path';
import type { ExerciseGrade, Grade } from '../grader/grade.ts';
import { EXERCISES } from '../grader/manifest/index.ts';
import { exerciseOfFile, hintFor, isDone, nextExercise, renderProgress } from './watch/progress.ts';

const KIT = path.resolve(import.meta.dirname, '..');
const TREE = path.join(KIT, 'exercises');
const REPORT_DIR = process.env.DLFS_REPORT_DIR || path.join(KIT, 'reports');
const DEBOUNCE_MS = 300; // editors write a file in several steps; wait for the last
const ids = EXERCISES.map((e) => e.id);
const interactive = process.stdin.isTTY === true;

const state = new Map<string, ExerciseGrade>();
let current: string | undefined;
let running = false;
let queued: { id: string | undefined } | undefined; // a save during a run: one more run after it

/** Runs the grader (all exercises, or one) and folds what it wrote into the state. */
function grade(id: string | undefined): Promise<void> {
  const file = path.join(REPORT_DIR, id ? 'grade.partial.json' : 'grade.json');
  rmSync(file, { force: true }); // a run that writes nothing must not look like the last one
  const child = spawn(process.execPath, ['grader/cli.mjs', ...(id ? [id] : [])], {
    cwd: KIT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, IMPL: 'exercises' },
  });
  return new Promise((resolve) => {
    child.on('exit', () => {
      if (existsSync(file)) {
        const result = JSON.parse(readFileSync(file, 'utf8')) as Grade;
        for (const exercise of result.exercises) state.set(exercise.id, exercise);
      }
      resolve();
    });
  });
}

async function rerun(id: string | undefined): Promise<void> {
  if (running) {
    queued = { id };
    return;
  }
  running = true;
  await grade(id);
  running = false;
  show();
  const next = queued;
  queued = undefined;
  if (next) await rerun(next.id);
}

function show(): void {
  const exercises = ids.flatMap((id) => state.get(id) ?? []);
  current ??= nextExercise(exercises);
  if (current && state.get(current) && isDone(state.get(current)!)) {
    console.log(`\n✓ ${current} is done.`);
    current = nextExercise(exercises);
  }
  console.log('\n' + renderProgress(exercises, current));
  const exercise = current ? state.get(current) : undefined;
  if (exercises.length === ids.length && exercises.every(isDone)) {
    console.log('\nAll seven exercises are done. Well trained!');
  } else if (exercise && !interactive) {
    console.log('\n' + hintFor(exercise));
  } else if (current) {
    console.log(`\nNow: exercises/${current}.ts · h hint · r rerun · q quit`);
  }
}

function watchTree(): void {
  let timer: NodeJS.Timeout | undefined;
  let changed: string | undefined;
  watch(TREE, { recursive: true }, (_event, file) => {
    // a helper file belongs to no exercise: rerun the one in progress
    changed = (file && exerciseOfFile(file, ids)) || changed || current;
    clearTimeout(timer);
    timer = setTimeout(() => {
      current = changed;
      changed = undefined;
      void rerun(current);
    }, DEBOUNCE_MS);
  });
}

function listenForKeys(): void {
  if (!interactive) return;
  process.stdin.setRawMode(true);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (key: string) => {
    if (key === 'q' || key === '\u0003') process.exit(0); // q or Ctrl-C
    const exercise = current ? state.get(current) : undefined;
    if (key === 'h' && exercise) console.log('\n' + hintFor(exercise));
    if (key === 'r') void rerun(current);
  });
}

await grade(undefined);
show();
watchTree();
listenForKeys();
