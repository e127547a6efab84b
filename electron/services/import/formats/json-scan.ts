// A JSON syntax scanner: validates a document without building it and reports where each element of a
// top-level array begins and ends, so every record of an export keeps its own source text. On a syntax
// error it says where (line and column), which JSON.parse's messages do not reliably do. Iterative: deep
// nesting cannot overflow the stack.

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} at line ${line}, column ${column}`);
    this.name = 'JsonSyntaxError';
  }
}

export interface JsonScan {
  top: 'array' | 'object' | 'scalar';
  /** [start, end) of each element of a top-level array, in code units of the text. */
  elements: Array<[number, number]>;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

export function scanJson(text: string): JsonScan {
  let i = 0;
  const n = text.length;
  const fail = (what: string): never => {
    const before = text.slice(0, i);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    throw new JsonSyntaxError(i >= n ? 'unexpected end of JSON' : what, line, i - before.lastIndexOf('\n'));
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= n) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail(c === 0 ? 'NUL character in a string' : 'control character in a string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('bad escape in a string');
      } else i++;
    }
    i++;
  };
  const stack: Array<'[' | '{'> = [];
  const elements: Array<[number, number]> = [];
  let top: JsonScan['top'] = 'scalar';
  let start = 0;
  ws();
  // Each pass reads one value (opening containers as it goes), then the separators and closings after it.
  for (;;) {
    if (stack.length === 1 && stack[0] === '[') start = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      if (stack.length === 0) top = c === '[' ? 'array' : 'object';
      stack.push(c);
      i++;
      ws();
      if (text[i] === (c === '[' ? ']' : '}')) {
        stack.pop();
        i++;
      } else if (c === '{') {
        if (text[i] !== '"') fail('expected a property name');
        string();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        ws();
        continue;
      } else continue;
    } else if (c === '"') string();
    else {
      NUMBER.lastIndex = i;
      LITERAL.lastIndex = i;
      if (NUMBER.test(text)) i = NUMBER.lastIndex;
      else if (LITERAL.test(text)) i = LITERAL.lastIndex;
      else fail(c === '\0' ? 'NUL character' : `unexpected character ${JSON.stringify(c)}`);
    }
    // A value is complete: close whatever ends here, then expect a separator.
    for (;;) {
      if (stack.length === 1 && stack[0] === '[') elements.push([start, i]);
      ws();
      const open = stack[stack.length - 1];
      if (!open) {
        if (i < n) fail('unexpected data after the JSON value');
        return { top, elements };
      }
      const c2 = text[i];
      if (c2 === ',') {
        i++;
        ws();
        if (open === '{') {
          if (text[i] !== '"') fail('expected a property name');
          string();
          ws();
          if (text[i] !== ':') fail("expected ':'");
          i++;
          ws();
        }
        break;
      }
      if (c2 === (open === '[' ? ']' : '}')) {
        stack.pop();
        i++;
        continue;
      }
      fail(open === '[' ? "expected ',' or ']'" : "expected ',' or '}'");
    }
  }
}
