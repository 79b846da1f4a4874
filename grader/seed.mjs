// Seeds. Every student sees the same cases by default (42); an instructor may give each
// student cases of their own, derived from a stable id, and any run can be reproduced from
// the seed its report prints. Plain JS: grading scripts call it before any tooling starts.

const FNV_OFFSET = 0x811c9dc5; // FNV-1a, 32 bits: stable across platforms and Node versions
const FNV_PRIME = 0x01000193;

/**
 * A signed 32-bit seed, within FC_SEED's accepted range, from the UTF-8 bytes of an id
 * (a student's id, email, submission name or GitHub account).
 * @param {string} id
 */
export function seedFromId(id) {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(id.trim())) {
    hash = Math.imul(hash ^ byte, FNV_PRIME);
  }
  return hash | 0;
}

if (process.argv[1] && process.argv[1].endsWith('seed.mjs')) {
  // `node grader/seed.mjs <id>` prints the seed alone, for shell scripts
  const id = process.argv.slice(2).join(' ');
  if (!id.trim()) {
    console.error('usage: node grader/seed.mjs <id>');
    process.exit(2);
  }
  console.log(seedFromId(id));
}
