// `npm run seed -- <student id>`: a seed of its own for each student, from a stable hash of
// the id, so an instructor can hand out different cases and still reproduce any student's
// run: FC_SEED=<printed seed> npm test. The report prints the seed it used.
import { pathToFileURL } from 'node:url';

const FNV_OFFSET = 0x811c9dc5; // FNV-1a, 32 bits: stable across platforms and Node versions
const FNV_PRIME = 0x01000193;

/** A signed 32-bit seed, within FC_SEED's accepted range, from the UTF-8 bytes of the id. */
export function seedFromId(id: string): number {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(id.trim())) {
    hash = Math.imul(hash ^ byte, FNV_PRIME);
  }
  return hash | 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const id = process.argv.slice(2).join(' ');
  if (!id.trim()) {
    console.error('usage: npm run seed -- <student id>');
    process.exit(2);
  }
  const seed = seedFromId(id);
  console.log(`FC_SEED=${seed}`);
  console.error(`grade this student with: FC_SEED=${seed} npm test`);
}
