// Every grade format from one run: after the reporter writes grade.json, the same grade is
// written for Gradescope, GitHub Classroom and JUnit readers into the same report folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Grade } from '../grade.ts';
import { encodeClassroom, toClassroom } from './classroom.ts';
import { toGradescope } from './gradescope.ts';
import { toJUnit } from './junit.ts';

/** The files written beside grade.json, by name. */
export const FORMAT_FILES = {
  gradescope: 'results.json',
  junit: 'junit.xml',
  classroom: 'classroom.json',
  classroomBase64: 'classroom.b64',
} as const;

export function writeFormats(grade: Grade, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);
  const classroom = toClassroom(grade);
  write(FORMAT_FILES.gradescope, JSON.stringify(toGradescope(grade), null, 2) + '\n');
  write(FORMAT_FILES.junit, toJUnit(grade));
  write(FORMAT_FILES.classroom, JSON.stringify(classroom, null, 2) + '\n');
  write(FORMAT_FILES.classroomBase64, encodeClassroom(classroom));
}

export { toGradescope, visibilityOf } from './gradescope.ts';
export { toClassroom, encodeClassroom, CLASSROOM_RUNNER } from './classroom.ts';
export { toJUnit } from './junit.ts';
