import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The feature boundaries of ENGINEERING.md are lint rules (eslint.config.js, `npm run lint`):
 * this lints a few lines under made-up paths with the project's own config, and only the import
 * rule, so it stays fast (no type information is built).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [tseslint.configs.disableTypeChecked],
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('feature boundaries (eslint.config.js)', () => {
  it("a feature does not import another feature's queries or tables", async () => {
    const queries = `import { x } from '../referrals/referral.queries.ts';\nexport const y = x;\n`;
    expect(await importErrors('src/clinics/fake.service.ts', queries)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*never its queries or tables/),
    ]);
    const tables = `import type { X } from '../referrals/referral.tables.ts';\nexport type Y = X;\n`;
    expect(await importErrors('src/clinics/fake.service.ts', tables)).toHaveLength(1);
  });

  it("a feature imports its own queries, and another feature's service", async () => {
    const own = `import { x } from './session.queries.ts';\nexport const y = x;\n`;
    expect(await importErrors('src/clinics/fake.service.ts', own)).toEqual([]);
    const service = `import { x } from '../referrals/referral.service.ts';\nexport const y = x;\n`;
    expect(await importErrors('src/clinics/fake.service.ts', service)).toEqual([]);
  });

  it('ui/ imports schemas, ui and src/web, never a service', async () => {
    const service = `import { x } from '../session.service.ts';\nexport const y = x;\n`;
    expect(await importErrors('src/clinics/ui/fake.page.tsx', service)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*ui\/ imports only schemas, ui and src\/web/),
    ]);
    const allowed = [
      `import { a } from '../session.schema.ts';`,
      `import { b } from './clinics.api.ts';`,
      `import { c } from '../../web/i18n.ts';`,
      `export const d = [a, b, c];`,
    ].join('\n');
    expect(await importErrors('src/clinics/ui/fake.page.tsx', `${allowed}\n`)).toEqual([]);
  });
});
