import { foldText } from '../fold-text';

export interface SearchableDetails {
  firstName: string | null;
  middleNames: string | null;
  lastName: string | null;
  preferredName: string | null;
  email: string;
  mobile: string | null;
}

/** The text a tab's search matches: "first middle last preferred email mobile", folded. */
export function searchText(person: SearchableDetails): string {
  const parts = [
    person.firstName,
    person.middleNames,
    person.lastName,
    person.preferredName,
    person.email,
    person.mobile,
  ];
  return foldText(parts.filter((part): part is string => !!part).join(' '));
}

/** A search as typed, folded as the search text is; null for none (or one that folds to nothing: all match). */
export function foldedSearch(search: string | null | undefined): string | null {
  const needle = search ? foldText(search) : '';
  return needle === '' ? null : needle;
}

/** Whether a document's search text holds the search; null when there is no search (all match). */
export function searchMatcher(search: string | null | undefined): ((text: string) => boolean) | null {
  const needle = foldedSearch(search);
  return needle === null ? null : (text) => text.includes(needle);
}
