// `npm run seed -- <student id>`: a seed of its own for each student, from a stable hash of
// the id, so an instructor can hand out different cases and still reproduce any student's
// run. The student writes it into the file `.dlfs-seed` at the kit's root (or exports
// FC_SEED), and every `npm test` uses it; the report prints the seed it used.
import { pathToFileURL } from 'node:url';
import { seedFromId } from '../grader/seed.mjs';

export { seedFromId };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const id = process.argv.slice(2).join(' ');
  if (!id.trim()) {
    console.error('usage: npm run seed -- <student id>');
    process.exit(2);
  }
  const seed = seedFromId(id);
  console.log(`FC_SEED=${seed}`);
  console.error(
    `this student grades with: echo ${seed} > .dlfs-seed   (or FC_SEED=${seed} npm test)`,
  );
}
