import { foldText } from '../fold-text';

/**
 * The possible-duplicate rule: two people with the same first name, last name and date of birth (names folded:
 * case, accents and spacing aside) are possibly the same person. The key is "first|last|dob"; an upload flags a
 * row whose key is a passport's under another email.
 */
export function possibleDuplicateKey(
  firstName: string | null,
  lastName: string | null,
  dateOfBirth: string,
): string {
  // join builds one flat string; `+` would build a rope of pieces, kept in every passport of the read model.
  return [foldText(firstName ?? ''), foldText(lastName ?? ''), dateOfBirth].join('|');
}
