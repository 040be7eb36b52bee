#!/usr/bin/env node
// Copies what tsc does not: the gateway's GraphQL schema, read beside the compiled code.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(join(root, 'dist/apps/gateway'), { recursive: true });
copyFileSync(join(root, 'apps/gateway/schema.graphql'), join(root, 'dist/apps/gateway/schema.graphql'));
