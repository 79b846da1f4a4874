// Checkers written from each format's documentation, not from our writers, so a test that
// uses them shows our files are what those readers expect.
//  · Gradescope: the autograder specification's results.json (gradescope-autograders docs).
//  · GitHub Classroom: what autograding-grading-reporter does with `<RUNNER>_RESULTS`.
//  · JUnit: the Ant/Jenkins junit XML schema (testsuites > testsuite > testcase).
import { expect } from 'vitest';

const GRADESCOPE_TOP = [
  'score',
  'execution_time',
  'output',
  'output_format',
  'test_output_format',
  'test_name_format',
  'visibility',
  'stdout_visibility',
  'extra_data',
  'tests',
  'leaderboard',
];
const GRADESCOPE_TEST = [
  'score',
  'max_score',
  'status',
  'name',
  'name_format',
  'number',
  'output',
  'output_format',
  'tags',
  'visibility',
  'extra_data',
];
const VISIBILITY = ['hidden', 'after_due_date', 'after_published', 'visible'];
const OUTPUT_FORMATS = ['text', 'html', 'simple_format', 'md', 'ansi'];

export function checkGradescope(doc: Record<string, unknown>): void {
  for (const key of Object.keys(doc)) expect(GRADESCOPE_TOP).toContain(key);
  expect(typeof doc.score).toBe('number');
  if ('visibility' in doc) expect(VISIBILITY).toContain(doc.visibility);
  if ('stdout_visibility' in doc) expect(VISIBILITY).toContain(doc.stdout_visibility);
  if ('output_format' in doc) expect(OUTPUT_FORMATS).toContain(doc.output_format);
  expect(Array.isArray(doc.tests)).toBe(true);
  for (const test of doc.tests as Record<string, unknown>[]) {
    for (const key of Object.keys(test)) expect(GRADESCOPE_TEST).toContain(key);
    expect(typeof test.score).toBe('number');
    expect(typeof test.max_score).toBe('number');
    expect(typeof test.name).toBe('string');
    expect(typeof test.output).toBe('string');
    expect(['passed', 'failed']).toContain(test.status);
    expect(VISIBILITY).toContain(test.visibility);
    if ('output_format' in test) expect(OUTPUT_FORMATS).toContain(test.output_format);
    if ('tags' in test)
      expect((test.tags as unknown[]).every((t) => typeof t === 'string')).toBe(true);
  }
}

/** Reads a runner's results the way the reporter's parseRunnerResults and NotifyClassroom do. */
export function readClassroom(env: Record<string, string>, runner: string) {
  const encoded = env[`${runner.trim().toUpperCase()}_RESULTS`];
  const results = JSON.parse(Buffer.from(encoded, 'base64').toString('utf-8'));
  expect(results.version).toBe(1);
  expect(['pass', 'fail', 'error']).toContain(results.status);
  expect(typeof results.max_score).toBe('number');
  for (const test of results.tests) {
    expect(typeof test.name).toBe('string');
    expect(['pass', 'fail', 'error']).toContain(test.status);
    expect(typeof test.score).toBe('number');
    expect(typeof test.message).toBe('string');
    expect(typeof test.test_code).toBe('string');
    expect(typeof test.filename).toBe('string');
    expect(typeof test.duration).toBe('number');
    if ('line_no' in test) expect(Number.isInteger(test.line_no)).toBe(true);
  }
  const totalScore = results.tests.reduce((a: number, t: { score: number }) => a + t.score, 0);
  return { results, totalScore, maxScore: results.max_score as number };
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A strict reader for the XML subset JUnit files use; it throws on anything malformed. */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(body)) throw new Error('a control character');
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: XmlElement[] = [{ name: '#doc', attrs: {}, children: [], text: '' }];
  let match: RegExpExecArray | null;
  while (token.lastIndex < body.length) {
    const at = token.lastIndex;
    match = token.exec(body);
    if (!match) throw new Error(`malformed XML at ${at}: ${body.slice(at, at + 40)}`);
    const [, close, name, attrText, selfClose, text] = match;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      top.text += decode(text);
    } else if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const [, key, value] of attrText.matchAll(/([A-Za-z][\w.-]*)="([^"]*)"/g)) {
        if (key in attrs) throw new Error(`attribute ${key} twice`);
        attrs[key] = decode(value);
      }
      const element = { name, attrs, children: [], text: '' };
      top.children.push(element);
      if (!selfClose) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  const roots = stack[0].children;
  if (roots.length !== 1 || stack[0].text.trim() !== '') throw new Error('not one root element');
  return roots[0];
}

function decode(s: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(s)) throw new Error(`a bare & in ${s}`);
  return s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The schema's structure: required attributes and counts that agree with the cases. */
export function checkJUnit(root: XmlElement): void {
  expect(root.name).toBe('testsuites');
  for (const suite of root.children) {
    expect(suite.name).toBe('testsuite');
    for (const key of ['name', 'tests', 'failures', 'errors', 'time'])
      expect(suite.attrs).toHaveProperty(key);
    const cases = suite.children.filter((c) => c.name === 'testcase');
    expect(suite.children.every((c) => c.name === 'testcase' || c.name === 'properties')).toBe(
      true,
    );
    expect(Number(suite.attrs.tests)).toBe(cases.length);
    const count = (tag: string) =>
      cases.filter((c) => c.children.some((k) => k.name === tag)).length;
    expect(Number(suite.attrs.failures)).toBe(count('failure'));
    expect(Number(suite.attrs.errors)).toBe(count('error'));
    expect(Number(suite.attrs.skipped ?? 0)).toBe(count('skipped'));
    for (const testcase of cases) {
      expect(testcase.attrs).toHaveProperty('name');
      expect(testcase.attrs).toHaveProperty('classname');
      expect(Number.isFinite(Number(testcase.attrs.time))).toBe(true);
      expect(testcase.children.length).toBeLessThanOrEqual(1);
      for (const result of testcase.children) {
        expect(['failure', 'error', 'skipped']).toContain(result.name);
        if (result.name !== 'skipped') expect(result.attrs).toHaveProperty('type');
      }
    }
  }
}
