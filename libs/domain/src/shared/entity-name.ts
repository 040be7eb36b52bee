import { ServiceError } from '@invitations/kernel';
import { freeTextProblem } from './free-text';

/** The longest name a resource pool or an invitation batch may have, in characters (Unicode code points). */
export const MAX_NAME_LENGTH = 200;

/**
 * The free-text name of a resource pool or a batch, trimmed.
 * Refused with BAD_USER_INPUT (and a field error on `name`) when it is empty, too long, or holds control or
 * bidirectional formatting characters (a pool's name reaches email subjects).
 */
export function requireValidName(raw: string): string {
  const name = raw.trim();
  const problem = nameProblem(name);
  if (problem)
    throw new ServiceError('BAD_USER_INPUT', `The name ${problem}.`, [{ field: 'name', message: problem }]);
  return name;
}

function nameProblem(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  // Counted in code points, so that a name in any script gets the same allowance.
  if ([...name].length > MAX_NAME_LENGTH) return `must be at most ${MAX_NAME_LENGTH} characters`;
  return freeTextProblem(name);
}
