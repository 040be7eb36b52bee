import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the gateway's schema (`npm run console:codegen`): every graphql(`...`) document under
 * src/ becomes a TypedDocumentNode with its result and variables types, in src/gql/ (committed).
 */
const config: CodegenConfig = {
  schema: 'apps/gateway/schema.graphql',
  documents: ['apps/console/src/**/*.{ts,tsx}', '!apps/console/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/console/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};

export default config;
