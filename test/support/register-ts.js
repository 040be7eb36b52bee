// Lets a plain `node` child process (spawned by a test) load the project's TypeScript sources:
//   node -r ./test/support/register-ts.js some-script.ts
// Transpile-only, like the jest transform; the type checker runs separately (npm run typecheck).
// The libraries' aliases (@invitations/<lib>, @invitations/<lib>/testing) resolve to their entries, as
// tsconfig.json's paths and jest's moduleNameMapper say.
require('reflect-metadata');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..', '..');
const ALIAS = /^@invitations\/([a-z-]+)(\/testing)?$/;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const alias = ALIAS.exec(request);
  if (alias) {
    const entry = path.join(ROOT, 'libs', alias[1], 'src', alias[2] ? 'testing' : '', 'index.ts');
    return resolveFilename.call(this, entry, ...rest);
  }
  return resolveFilename.call(this, request, ...rest);
};

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  sourceMap: false,
};
require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
