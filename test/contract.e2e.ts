import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  buildSchema,
  getIntrospectionQuery,
  buildClientSchema,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { Gateway } from './support/gateway-harness';

const ROOT = join(__dirname, '..');
const SCHEMA = join(ROOT, 'apps/gateway/schema.graphql');
const CONTRACT_CHECK = join(ROOT, '..', 'shared', 'tools', 'contract-check.mjs');

describe('the public contract', () => {
  it('the running gateway serves exactly the schema written to apps/gateway/schema.graphql', async () => {
    const gw = await Gateway.start();
    try {
      const token = await gw.token('org-s');
      const result = await gw.ok<IntrospectionQuery>(getIntrospectionQuery(), {}, token);
      const served = printSchema(lexicographicSortSchema(buildClientSchema(result)));
      const written = printSchema(lexicographicSortSchema(buildSchema(readFileSync(SCHEMA, 'utf8'))));
      expect(served).toBe(written);
    } finally {
      await gw.stop();
    }
  });

  // The contract lives beside the repository (../shared), as on every machine of this project.
  const describeWithContract = existsSync(CONTRACT_CHECK) ? describe : describe.skip;
  describeWithContract(
    `contract-check (${existsSync(CONTRACT_CHECK) ? CONTRACT_CHECK : 'skipped: ../shared/tools/contract-check.mjs not found beside the repository'})`,
    () => {
      it('keeps every promise of ../shared/contract/schema.graphql that is built, and builds no less than listed', async () => {
        const stdout = await contractCheck();
        expect(stdout.split('\n').filter((line) => line.startsWith('broken:'))).toEqual([]);
        // What the check reports missing must be exactly the parts listed as not built yet: a part that goes
        // missing fails here, and so does a part that is built but still listed (the list only shrinks).
        expect(missingParts(stdout)).toEqual([...NOT_BUILT_YET].sort());
        if (NOT_BUILT_YET.length === 0) expect(stdout).toMatch(/^contract kept/m);
      });
    },
  );
});

/**
 * Parts of the contract whose issue has not landed yet, as contract-check names them. Each issue removes its own
 * when it lands; once the list is empty the check must print "contract kept".
 */
const NOT_BUILT_YET: readonly string[] = [];

async function contractCheck(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [CONTRACT_CHECK], { cwd: ROOT });
    return stdout;
  } catch (error) {
    // Exit 1 when anything is broken or missing: its report is still what is judged.
    return (error as { stdout?: string }).stdout ?? '';
  }
}

function missingParts(report: string): string[] {
  const line = report.split('\n').find((text) => text.startsWith('missing ('));
  if (!line) return [];
  return line
    .replace(/^missing \([^)]*\): /, '')
    .split(', ')
    .map((part) => part.trim())
    .sort();
}
