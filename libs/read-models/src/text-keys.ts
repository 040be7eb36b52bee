/**
 * Normalised keys the read models are searched by. Exported so that queries normalise their
 * input exactly as the projections normalise the documents.
 */

/** Lower-cased, accent-folded ("Zoë Ångström" -> "zoe angstrom"), whitespace collapsed. */
export function foldText(text: string): string {
  if (text.length > MAX_CACHED_LENGTH) return fold(text);
  let folded = foldedNames.get(text);
  if (folded === undefined) {
    // A bounded memo: names repeat (an upload of 150,000 people holds a few thousand distinct first names).
    if (foldedNames.size >= MAX_CACHED_NAMES) foldedNames.clear();
    folded = fold(text);
    foldedNames.set(text, folded);
  }
  return folded;
}

const MAX_CACHED_LENGTH = 64;
const MAX_CACHED_NAMES = 20_000;
const foldedNames = new Map<string, string>();

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface SearchableDetails {
  firstName: string | null;
  middleNames: string | null;
  lastName: string | null;
  preferredName: string | null;
  email: string;
  mobile: string | null;
}

/** The text the tabs' search matches: "first middle last preferred email mobile", folded. */
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

/** "first|last|dob", folded: two people with the same key are possibly the same person. */
export function nameKey(firstName: string | null, lastName: string | null, dateOfBirth: string): string {
  // join builds one flat string; `+` would build a rope of pieces, kept in every passport of the read model.
  return [foldText(firstName ?? ''), foldText(lastName ?? ''), dateOfBirth].join('|');
}

/**
 * A tab's order: the instant that puts the invitee in the tab, then the id to break ties.
 * Event instants are ISO-8601 UTC of one width, so the strings sort in time order.
 */
export function sortKey(at: string, inviteeId: string): string {
  return `${at} ${inviteeId}`;
}
