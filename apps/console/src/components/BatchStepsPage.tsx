import { Paper, Stepper } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';

/**
 * A page that works on one batch in steps (adding a person, uploading a file): its header with the way back to the
 * batch, then the steps (`Stepper.Step`s), where only a step already passed can be gone back to.
 */
export function BatchStepsPage({
  title,
  batch,
  maw,
  step,
  onStep,
  children,
}: {
  title: string;
  batch: { id: string; name: string };
  maw: number;
  step: number;
  onStep: (step: number) => void;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { label: 'Invite personnel', to: '/batches' },
          { label: batch.name, to: `/batches/${batch.id}` },
        ]}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" maw={maw}>
        <Stepper
          active={step}
          onStepClick={(s) => s < step && onStep(s)}
          size="sm"
          allowNextStepsSelect={false}
        >
          {children}
        </Stepper>
      </Paper>
    </>
  );
}
