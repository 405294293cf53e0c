import { createHash } from 'node:crypto';

// Groups errors that differ only in variable parts: numbers, ids, quoted values
// in the message, and line/column or cache-busting query strings in the top frame.
export function errorFingerprint(message: string, stack: string): string {
  const basis = `${normaliseMessage(message)}\n${topFrame(stack)}`;
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

export function normaliseMessage(message: string): string {
  return message
    .trim()
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/(["'`])(?:(?!\1).){0,200}\1/g, '<str>')
    .replace(/\b0x[0-9a-f]+\b/gi, '<num>')
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/gi, '<id>')
    .replace(/\d+(\.\d+)?/g, '<num>')
    .replace(/\s+/g, ' ')
    .slice(0, 500);
}

// The first frame of a V8 ("    at fn (url:1:2)") or Firefox/Safari ("fn@url:1:2")
// stack, as "function url" without position or query string.
export function topFrame(stack: string): string {
  for (const raw of stack.split('\n')) {
    const line = raw.trim();
    const v8 = /^at (?:(.+?) \()?(.+?)(?::\d+)?(?::\d+)?\)?$/.exec(line);
    const gecko = v8 ? null : /^(.*)@(.+?)(?::\d+)?(?::\d+)?$/.exec(line);
    const match = v8 ?? gecko;
    if (!match) continue;
    const fn = (match[1] ?? '').trim() || '<anonymous>';
    const location = (match[2] ?? '').replace(/[?#].*$/, '');
    return `${fn} ${location}`;
  }
  return '';
}
