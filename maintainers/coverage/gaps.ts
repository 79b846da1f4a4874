// Files of solutions/, src/ and kernels/ that the specs and kit tests do not yet reach in
// full, each with what is missing. The coverage step fails on any other file below 100% lines
// and branches, and on a listed file that has reached 100% (so this list only shrinks).
export const KNOWN_GAPS: Record<string, string> = {
};
