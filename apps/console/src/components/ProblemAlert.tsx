import { Alert, List } from '@mantine/core';
import type { ApiProblem } from '../api/api-problem';

/** An error as the API worded it, with every field problem it named (those no form control shows). */
export function ProblemAlert({
  problem,
  title = 'That did not work',
  shownFields = [],
  listFields = true,
}: {
  problem: ApiProblem | null | undefined;
  title?: string;
  /** Fields whose problems the form already shows beside their controls. */
  shownFields?: string[];
  /** False when a table beside it lists the problems. */
  listFields?: boolean;
}) {
  if (!problem) return null;
  const others = !listFields
    ? []
    : problem.fieldProblems.filter((p) => !p.field || !shownFields.includes(p.field));
  return (
    <Alert color="red" title={title} role="alert" my="sm">
      {problem.message}
      {others.length > 0 && (
        <List size="sm" mt="xs">
          {others.map((p, i) => (
            <List.Item key={i}>
              {p.row ? `Row ${p.row}: ` : ''}
              {p.field ? `${p.field} ` : ''}
              {p.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
