import { InvalidConnectionStringError, toEsdbConnectionString } from './connection-string';

describe('toEsdbConnectionString', () => {
  it.each([
    ['esdb://eventstore:2113?tls=false', 'esdb://eventstore:2113?tls=false'],
    ['esdb+discover://a:2113,b:2113', 'esdb+discover://a:2113,b:2113'],
    ['kurrentdb://admin:changeit@kurrent:2113?tls=false', 'esdb://admin:changeit@kurrent:2113?tls=false'],
    ['kurrentdb+discover://cluster.local:2113', 'esdb+discover://cluster.local:2113'],
    [
      'kurrent://localhost:2113?tls=false&keepAliveTimeout=10000',
      'esdb://localhost:2113?tls=false&keepAliveTimeout=10000',
    ],
    ['  KurrentDB://localhost:2113  ', 'esdb://localhost:2113'],
  ])('translates %s', (given, expected) => {
    expect(toEsdbConnectionString(given)).toBe(expected);
  });

  it('keeps everything after the scheme as it is, including a path-like query', () => {
    expect(toEsdbConnectionString('kurrentdb://h1:1,h2:2/?nodePreference=leader')).toBe(
      'esdb://h1:1,h2:2/?nodePreference=leader',
    );
  });

  it.each(['mongodb://localhost:27017', 'http://localhost:2113', 'localhost:2113', ''])(
    'refuses %j',
    (given) => {
      expect(() => toEsdbConnectionString(given)).toThrow(InvalidConnectionStringError);
    },
  );

  it('does not repeat the connection string (which may hold a password) in its error', () => {
    expect(() => toEsdbConnectionString('tcp://admin:s3cret@host:1113')).toThrow(/^(?!.*s3cret)/);
  });
});
