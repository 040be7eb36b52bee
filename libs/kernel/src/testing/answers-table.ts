/** A table test of a function of one input: a test a row, each checking that the function answers its output. */
export function itAnswers<Input, Output>(
  answer: (input: Input) => Output,
  rows: [input: Input, output: Output][],
  title = 'answers %j with %j',
): void {
  it.each(rows)(title, (input, output) => {
    expect(answer(input)).toBe(output);
  });
}
