// A tiny wildcard matcher for `email:<glob>` exclude rules: `*` is any run of characters, `?` exactly
// one. No regular expressions, so a rule can never backtrack catastrophically.

/** Case-sensitive; callers lower-case both sides for case-insensitive rules. */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  // Position of the last `*` seen and the text position it is currently assumed to stretch to.
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      mark = t;
    } else if (c !== undefined && (c === '?' || c === text[t])) {
      p++;
      t++;
    } else if (star !== -1) {
      // Let the last `*` swallow one more character and retry from there.
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
