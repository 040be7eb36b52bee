import { Center, Loader } from '@mantine/core';
import { asProblem } from '../api/api-problem';
import { ProblemAlert } from './ProblemAlert';

/** While a page's data loads, or why it could not. */
export function QueryState({ error, label }: { error: unknown; label: string }) {
  if (error) return <ProblemAlert problem={asProblem(error)} title={`${label} could not be loaded`} />;
  return (
    <Center py="xl">
      <Loader aria-label={`Loading ${label.toLowerCase()}`} />
    </Center>
  );
}
