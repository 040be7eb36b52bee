import { itAnswers } from '@invitations/kernel/testing';
import { detectDelimiter, holdsFirstLine } from './detect-delimiter';

describe('detectDelimiter', () => {
  itAnswers(
    detectDelimiter,
    [
      ['email,date_of_birth\r\na;b', ','],
      ['email;date_of_birth\r\na,b', ';'],
      ['"e,mail";date_of_birth\n', ';'],
      ['email;"date,of";x,y', ','],
      ['email', ','],
    ],
    'reads %j as %j',
  );

  it('knows when the first line is whole: a line end outside quotes', () => {
    expect(holdsFirstLine('email,date_of_birth')).toBe(false);
    expect(holdsFirstLine('"email\n')).toBe(false);
    expect(holdsFirstLine('"email"\r')).toBe(true);
  });
});
