// Lets a plain `node` child process (spawned by a test) load the project's TypeScript sources:
//   node -r ./test/support/register-ts.js some-script.ts
// Transpile-only, like the jest transform; the type checker runs separately (npm run typecheck).
require('reflect-metadata');
const fs = require('node:fs');
const ts = require('typescript');
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
