import { itAnswers } from '@invitations/kernel/testing';
import { databaseNameFromUri } from './database-name';

describe('databaseNameFromUri', () => {
  itAnswers(
    (uri: string) => databaseNameFromUri(uri),
    [
      ['mongodb://mongo:27017/invitations?replicaSet=rs0', 'invitations'],
      ['mongodb://user:p%40ss@a:27017,b:27017,c:27017/tenant_7?replicaSet=rs0&w=majority', 'tenant_7'],
      ['mongodb+srv://cluster0.example.net/reads', 'reads'],
      ['mongodb://localhost/my%20db', 'my db'],
    ],
    'reads the database from %s',
  );

  it.each([
    'mongodb://localhost:27017',
    'mongodb://localhost:27017/',
    'mongodb://localhost:27017/?replicaSet=rs0',
  ])('falls back to invitations for %s', (uri) => {
    expect(databaseNameFromUri(uri)).toBe('invitations');
  });

  it('takes another fallback when given', () => {
    expect(databaseNameFromUri('mongodb://h', 'other')).toBe('other');
  });

  it('refuses what is not a MongoDB URI', () => {
    expect(() => databaseNameFromUri('postgres://h/db')).toThrow(/mongodb:\/\//);
  });
});
