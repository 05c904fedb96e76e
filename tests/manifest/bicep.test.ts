import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Parser from 'web-tree-sitter';
import { beforeAll, describe, expect, it } from 'vitest';

// The Bicep compiler is a .NET program from GitHub, which this project's CI cannot install; its
// grammar can be: tree-sitter-bicep (npm) ships it compiled to WebAssembly, and web-tree-sitter runs
// it. This checks the template's syntax offline, and that infra/main.parameters.json and the
// template agree on parameter names. Types, resource API versions and property names still need
// `az bicep build --file infra/main.bicep` (docs/deploy.md).

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8');

let parser: Parser;

beforeAll(async () => {
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve('tree-sitter-bicep/tree-sitter-bicep.wasm');
  parser = new Parser();
  parser.setLanguage(await Parser.Language.load(wasm));
});

/** Each syntax error as line:column and what the parser found there, in source order. */
function syntaxErrors(source: string): string[] {
  const tree = parser.parse(source);
  const found: string[] = [];
  const visit = (node: Parser.SyntaxNode) => {
    if (node.isError || node.isMissing) {
      const where = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      found.push(
        node.isMissing
          ? `${where} missing ${node.type}`
          : `${where} unexpected ${JSON.stringify(node.text.slice(0, 40))}`,
      );
      return;
    }
    if (node.hasError) for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  return found;
}

/** The template's parameters: name, and whether it has a default value. */
function parametersOf(source: string): { name: string; hasDefault: boolean }[] {
  return parser
    .parse(source)
    .rootNode.descendantsOfType('parameter_declaration')
    .map((node) => {
      const [name, type, ...value] = node.namedChildren;
      if (!name || !type)
        throw new Error(`a parameter without a name or type at line ${node.startPosition.row + 1}`);
      return { name: name.text, hasDefault: value.length > 0 };
    });
}

describe('infra/main.bicep', () => {
  const template = read('infra', 'main.bicep');

  it('parses without a syntax error', () => {
    expect(syntaxErrors(template)).toEqual([]);
    // The parse saw the whole template: its resources and outputs are there.
    const root = parser.parse(template).rootNode;
    expect(root.descendantsOfType('resource_declaration').length).toBeGreaterThanOrEqual(10);
    expect(root.descendantsOfType('output_declaration').length).toBeGreaterThanOrEqual(8);
  });

  it('would report a broken template, with where', () => {
    // Drop the closing brace of the last resource body, and add a stray token to a parameter.
    const unclosed = template.replace(/\}\s*\n(\s*\/\/[^\n]*\n)*\s*output /, '\noutput ');
    expect(syntaxErrors(unclosed).length).toBeGreaterThan(0);
    const stray = template.replace(
      'param location string = resourceGroup().location',
      'param location string = = resourceGroup().location',
    );
    expect(stray).not.toBe(template);
    expect(syntaxErrors(stray).join('\n')).toMatch(/^\d+:\d+ /m);
  });

  it('agrees with main.parameters.json: every value names a parameter, every parameter without a default gets one', () => {
    const params = parametersOf(template);
    expect(params.length).toBeGreaterThanOrEqual(15);
    const given = Object.keys(
      (JSON.parse(read('infra', 'main.parameters.json')) as { parameters: Record<string, unknown> })
        .parameters,
    );
    const names = new Set(params.map((p) => p.name));
    expect(given.filter((name) => !names.has(name))).toEqual([]);
    expect(params.filter((p) => !p.hasDefault && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
  });
});
