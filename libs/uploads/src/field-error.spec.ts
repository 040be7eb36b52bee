import { ErrorList, mergeByRow } from './field-error';

describe('error lists', () => {
  it('keep the first errors up to their cap and count every one', () => {
    const errors = new ErrorList(2);

    errors.addAll([
      { row: 1, message: 'a' },
      { row: 2, message: 'b' },
      { row: 3, message: 'c' },
    ]);

    expect(errors.errors).toEqual([
      { row: 1, message: 'a' },
      { row: 2, message: 'b' },
    ]);
    expect(errors.count).toBe(3);
  });

  it('merge in row order, errors about the whole file first, keeping each list in its order within a row', () => {
    const merged = mergeByRow(
      [
        [
          { row: 1, field: 'email', message: 'a' },
          { row: 3, message: 'b' },
        ],
        [
          { row: 1, field: 'first_name', message: 'c' },
          { row: 2, message: 'd' },
        ],
        [{ message: 'file' }],
      ],
      4,
    );

    expect(merged.map((error) => error.message)).toEqual(['file', 'a', 'c', 'd']);
  });
});
