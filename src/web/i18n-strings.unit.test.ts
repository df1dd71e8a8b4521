import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a page shows goes through a dictionary (`*.i18n.ts`), so the English switch reaches every
 * page. This walks the syntax tree of each .tsx file and fails on any string literal, template text or JSX
 * text holding Chinese characters; comments are not text and may stay Chinese.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(p);
    return e.name.endsWith('.tsx') ? [p] : [];
  });
}

export function hardCodedChinese(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node);
    if (literal && CJK.test(node.text)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${path.relative(ROOT, file)}:${line + 1} ${node.text.trim().slice(0, 40)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no hard-coded Chinese in pages', () => {
  it('finds Chinese in a literal and in JSX text, not in comments', () => {
    const sample = `// 注释可以是中文\nconst a = '转诊';\nexport const B = () => <b title={\`共 \${a}\`}>接收</b>;`;
    expect(hardCodedChinese('sample.tsx', sample).map((s) => s.split(' ')[0])).toEqual([
      '../sample.tsx:2',
      '../sample.tsx:3',
      '../sample.tsx:3',
    ]);
  });

  it('every .tsx file under src/ takes its words from a dictionary', () => {
    const found = tsxFiles(ROOT).flatMap((f) => hardCodedChinese(f, fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});
