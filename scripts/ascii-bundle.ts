/**
 * Writes a bundle's non-ASCII characters as `\u` escapes (scripts/build-actions.ts calls it
 * on every JavaScript file ncc writes).
 *
 * Why: V8 holds a source of ASCII (Latin-1) characters at one byte each and any other source
 * at two. The few hundred ’ and — of the suite's messages and comments made the deploy bundle's
 * 4.7 MB of code a 9.4 MB string to decode, hash against the compile cache and keep: each start
 * took 20–35 ms more CPU (of about 200), and the tests start the bundles over a thousand times.
 *
 * Why it is safe: `\uXXXX` stands for the same character in a string, a template, a regular
 * expression (with or without the u flag, a surrogate pair there is one code point) and an
 * identifier, and a comment is only read by people. A character after an odd run of
 * backslashes is an identity escape (`\’` is ’): the backslash is kept and becomes the
 * escape's own. The one place an escape means something else is a tagged template's raw text:
 * String.raw`’` is ’, String.raw`\u2019` is six characters. A bundle holding String.raw with a
 * non-ASCII character is refused with the place named, rather than changed.
 */

const NON_ASCII = /[\u0080-\u{10ffff}]/u;

function hex(unit: number): string {
  return unit.toString(16).padStart(4, '0');
}

function backslashesBefore(code: string, at: number): number {
  let n = 0;
  while (at - 1 - n >= 0 && code.charCodeAt(at - 1 - n) === 0x5c) n++;
  return n;
}

/** `code` with every non-ASCII character escaped; throws where an escape would change it. */
export function asciiOnly(code: string, file: string): string {
  for (const raw of code.matchAll(/String\.raw`[^`]*`/g))
    if (NON_ASCII.test(raw[0])) {
      const line = code.slice(0, raw.index).split('\n').length;
      throw new Error(
        `${file}:${line}: String.raw holds a non-ASCII character, which an escape would change: write it as \${'\\u…'} in the source`,
      );
    }
  return code.replace(new RegExp(NON_ASCII, 'gu'), (char: string, at: number) => {
    const units =
      char.length === 2 ? [char.charCodeAt(0), char.charCodeAt(1)] : [char.charCodeAt(0)];
    const escaped = units.map((u) => `\\u${hex(u)}`).join('');
    // After an odd run of backslashes the last one is already an escape's: use it.
    return backslashesBefore(code, at) % 2 === 1 ? escaped.slice(1) : escaped;
  });
}
