/**
 * The statements in SQL text, each with the line it starts on (1-based): split at `;` outside
 * quotes ('…', "…", E'…', $tag$…$tag$) and comments (--, nested /* … *\/). Empty statements
 * (a trailing `;`, a comment alone) do not count. Used to refuse, when the configuration is
 * read, a query PostgreSQL's extended protocol would refuse when it runs.
 */
export function sqlStatements(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let start = 0;
  let meaningful = false;
  let startLine = 1;
  let line = 1;
  const flush = (end: number): void => {
    if (meaningful) out.push({ line: startLine, text: text.slice(start, end).trim() });
    start = end + 1;
    meaningful = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (c === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++;
      i--;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      for (i += 2; i < text.length && depth > 0; i++) {
        if (text[i] === '\n') line++;
        else if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i++;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i++;
        }
      }
      i--;
      continue;
    }
    if (c === ';') {
      flush(i);
      continue;
    }
    if (!meaningful) startLine = line;
    meaningful = true;
    if (c === "'" || c === '"') {
      // A doubled quote is a quote inside; E'' strings may escape one with a backslash.
      const escapes = c === "'" && /[eE]/.test(text[i - 1] ?? '');
      for (i++; i < text.length; i++) {
        if (text[i] === '\n') line++;
        if (escapes && text[i] === '\\') i++;
        else if (text[i] === c) {
          if (text[i + 1] === c) i++;
          else break;
        }
      }
      continue;
    }
    const dollar = c === '$' ? /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i)) : null;
    if (dollar) {
      const close = text.indexOf(dollar[0], i + dollar[0].length);
      const end = close < 0 ? text.length : close + dollar[0].length;
      line += (text.slice(i, end).match(/\n/g) ?? []).length;
      i = end - 1;
    }
  }
  flush(text.length);
  return out;
}
