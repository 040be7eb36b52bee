import {
  buildSchema,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import * as jit from 'graphql-jit';
import { CompiledQueries } from './compiled-queries';

jest.mock('graphql-jit', () => {
  const actual = jest.requireActual<typeof jit>('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});
const compileQuery = jit.compileQuery as jest.MockedFunction<typeof jit.compileQuery>;

interface Person {
  id: string;
  name: string;
  tags: string[];
}

function aSchema(people: Person[]): GraphQLSchema {
  const schema = buildSchema(`
    type Person { id: ID! name: String! tags: [String!]! secret: String }
    type Query { people(first: Int!): [Person!]! person(id: ID!): Person }
    type Mutation { rename(id: ID!, name: String!): Person }
  `);
  const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
  fields('Query').people.resolve = (_: unknown, { first }: { first: number }) => people.slice(0, first);
  fields('Query').person.resolve = (_: unknown, { id }: { id: string }) =>
    people.find((p) => p.id === id) ?? null;
  fields('Person').secret.resolve = () => {
    throw new Error('not yours to see');
  };
  fields('Mutation').rename.resolve = (_: unknown, { id, name }: { id: string; name: string }) => {
    const person = people.find((p) => p.id === id);
    if (person) person.name = name;
    return person ?? null;
  };
  return schema;
}

const PEOPLE = (): Person[] => [
  { id: '1', name: 'Ada', tags: ['nurse'] },
  { id: '2', name: 'Ben', tags: [] },
  { id: '3', name: 'Cy', tags: ['porter', 'night'] },
];

async function started(schema: GraphQLSchema) {
  const queries = new CompiledQueries();
  queries.useSchema(schema);
  const { executor } = await queries.load();
  return (source: string, variables: Record<string, unknown> = {}) => {
    const document = parse(source);
    const operation = getOperationAST(document)!;
    const request = { document, operation, operationName: null, source, queryHash: source, context: {} };
    return executor({ ...request, request: { variables } } as unknown as Parameters<typeof executor>[0]);
  };
}

const interpreted = (schema: GraphQLSchema, source: string, variableValues: Record<string, unknown> = {}) =>
  execute({ schema, document: parse(source), variableValues, contextValue: {} });

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('CompiledQueries', () => {
  beforeEach(() => compileQuery.mockClear());

  it.each([
    [
      'a list with arguments and variables',
      'query ($n: Int!) { people(first: $n) { id name tags } }',
      { n: 2 },
    ],
    ['a field that is not there', 'query ($id: ID!) { person(id: $id) { name } }', { id: 'nobody' }],
    ['a resolver that throws', '{ people(first: 3) { id secret } }', {}],
    [
      'fragments and __typename',
      '{ people(first: 1) { ...P __typename } } fragment P on Person { name }',
      {},
    ],
  ])('answers %s as graphql-js does, the first time and compiled', async (_case, source, variables) => {
    const schema = aSchema(PEOPLE());
    const run = await started(schema);

    const first = await run(source, variables);
    const compiled = await run(source, variables);

    const expected = plain(await interpreted(schema, source, variables));
    expect(plain(first)).toEqual(expected);
    expect(plain(compiled)).toEqual(expected);
    expect(compileQuery).toHaveBeenCalledTimes(1);
  });

  it('gives errors as graphql-js does: extensions always an object, the error thrown as the original', async () => {
    const run = await started(aSchema(PEOPLE()));
    await run('{ people(first: 1) { secret } }');

    const { errors } = await run('{ people(first: 1) { secret } }');

    expect(errors).toHaveLength(1);
    const [error] = errors!;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({});
    expect(error.originalError?.message).toBe('not yours to see');
    expect(error.path).toEqual(['people', 0, 'secret']);
    expect(error.locations).toEqual([{ line: 1, column: 22 }]);
    expect(compileQuery).toHaveBeenCalledTimes(1);
  });

  it('compiles no document asked once', async () => {
    const run = await started(aSchema(PEOPLE()));

    const answer = await run('{ people(first: 1) { name } }');

    expect(answer.data).toEqual({ people: [{ name: 'Ada' }] });
    expect(compileQuery).not.toHaveBeenCalled();
  });

  it('compiles a document once, however often it is asked', async () => {
    const run = await started(aSchema(PEOPLE()));
    const source = '{ people(first: 3) { name } }';

    const answers = [await run(source), await run(source), await run(source)];

    expect(answers.map((answer) => answer.data)).toEqual(
      Array(3).fill({ people: [{ name: 'Ada' }, { name: 'Ben' }, { name: 'Cy' }] }),
    );
    expect(compileQuery).toHaveBeenCalledTimes(1);
  });

  it('answers variables that do not fit their types with graphql-js errors, without compiling', async () => {
    const schema = aSchema(PEOPLE());
    const run = await started(schema);
    const source = 'query ($n: Int!) { people(first: $n) { id } }';

    await run(source, { n: 'many' });
    const answer = await run(source, { n: 'many' });

    expect(answer.errors?.[0].message).toBe(
      'Variable "$n" got invalid value "many"; Int cannot represent non-integer value: "many"',
    );
    expect(plain(answer)).toEqual(plain(await interpreted(schema, source, { n: 'many' })));
    expect(compileQuery).not.toHaveBeenCalled();
  });

  it('runs mutations and introspection as graphql-js does, without compiling', async () => {
    const people = PEOPLE();
    const schema = aSchema(people);
    const run = await started(schema);

    const rename = (name: string) =>
      run(
        `mutation { a: rename(id: "1", name: "${name} L") { name } b: rename(id: "1", name: "${name} M") { name } }`,
      );
    await rename('Ada');
    const renamed = await rename('Ann');
    await run('{ __type(name: "Person") { name } }');
    const introspected = await run('{ __type(name: "Person") { name } }');

    expect(renamed.data).toEqual({ a: { name: 'Ann L' }, b: { name: 'Ann M' } });
    expect(people[0].name).toBe('Ann M');
    expect(introspected.data).toEqual({ __type: { name: 'Person' } });
    expect(compileQuery).not.toHaveBeenCalled();
  });

  it('remembers at most 500 documents, the oldest going first', async () => {
    const run = await started(aSchema(PEOPLE()));
    const nth = (i: number) => `{ people(first: ${i % 3}) { id } }   # ${i}`;
    const twice = async (source: string) => [await run(source), await run(source)];

    for (let i = 0; i <= 500; i += 1) await twice(nth(i));
    expect(compileQuery).toHaveBeenCalledTimes(501);

    await run(nth(500));
    expect(compileQuery).toHaveBeenCalledTimes(501);
    await twice(nth(0));
    expect(compileQuery).toHaveBeenCalledTimes(502);
  });

  it('refuses to serve before Nest has built the schema', () => {
    expect(() => new CompiledQueries().onSchemaLoadOrUpdate(() => undefined)).toThrow(/schema not built yet/);
  });
});
