#!/usr/bin/env node
// Builds what `npm start`, `npm run token`, `npm run ops` and `npm run bench` need: installs the dependencies
// when node_modules is missing, compiles TypeScript when dist/ is missing or older than any source, and builds the
// admin console (dist/console, which the gateway serves at /console) when it is missing or older than its sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (command) => execSync(command, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.error('[ensure-built] installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

const CONSOLE = join(root, 'apps', 'console');

function newest(dir, skip = '') {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (path === skip) continue;
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const marker = join(root, 'dist', '.tsbuildinfo.build');
const sources = Math.max(
  ...['apps', 'libs', 'bench'].filter((d) => existsSync(join(root, d))).map((d) => newest(join(root, d), CONSOLE)),
  statSync(join(root, 'tsconfig.json')).mtimeMs,
  statSync(join(root, 'tsconfig.build.json')).mtimeMs,
  statSync(join(root, 'package-lock.json')).mtimeMs,
);
const entry = join(root, 'dist', 'apps', 'gateway', 'src', 'main.js');
if (!existsSync(entry) || !existsSync(marker) || statSync(marker).mtimeMs < sources) {
  console.error('[ensure-built] compiling TypeScript (npm run build:gateway)…');
  run('npm run build:gateway --silent');
}

const consolePage = join(root, 'dist', 'console', 'index.html');
const consoleSources = Math.max(
  newest(CONSOLE),
  statSync(join(root, 'apps', 'gateway', 'schema.graphql')).mtimeMs,
  statSync(join(root, 'package-lock.json')).mtimeMs,
);
if (!existsSync(consolePage) || statSync(consolePage).mtimeMs < consoleSources) {
  console.error('[ensure-built] building the admin console (npm run build:console)…');
  run('npm run build:console --silent');
}
