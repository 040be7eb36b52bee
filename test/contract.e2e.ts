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
      it('keeps every promise of ../shared/contract/schema.graphql', async () => {
        const { stdout } = await promisify(execFile)(process.execPath, [CONTRACT_CHECK], { cwd: ROOT });
        expect(stdout).toMatch(/^contract kept/m);
      });
    },
  );
});
