import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_NODE_FLAGS } from './heap-tuning';

const ROOT = join(__dirname, '../../..');

describe('the gateway node flags', () => {
  it('are the ones npm start and the Dockerfile start the gateway with', () => {
    const start = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
    ).scripts.start;
    expect(start).toBe(['node', ...GATEWAY_NODE_FLAGS, 'dist/apps/gateway/src/main.js'].join(' '));
    const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');
    expect(dockerfile).toContain(
      `CMD ${JSON.stringify(['node', ...GATEWAY_NODE_FLAGS, 'dist/apps/gateway/src/main.js'])}`.replace(
        /","/g,
        '", "',
      ),
    );
  });
});
