/** The most of a value an error or a warning repeats: enough to find the cell, never a whole pasted paragraph. */
export const MAX_QUOTED_CHARACTERS = 40;

/**
 * A value from the file as a message shows it: in double quotes, control characters escaped (JSON's way), cut
 * to MAX_QUOTED_CHARACTERS with an ellipsis. Only ever for what the admin typed into the file.
 */
export function quotedValue(value: string): string {
  const characters = Array.from(value);
  const shown =
    characters.length > MAX_QUOTED_CHARACTERS
      ? `${characters.slice(0, MAX_QUOTED_CHARACTERS - 1).join('')}…`
      : value;
  return JSON.stringify(shown);
}
