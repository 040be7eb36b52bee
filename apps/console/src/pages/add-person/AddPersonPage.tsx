import { Alert, Button, Group, SimpleGrid, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ApiProblem } from '../../api/api-problem';
import { gql } from '../../api/graphql-client';
import { invalidateBatchAndPools, useBatch } from '../../api/queries';
import { displayName, formatDate } from '../../components/format';
import { type Detail, DetailsTable } from '../../components/DetailsTable';
import { BatchStepsPage } from '../../components/BatchStepsPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormButtons } from '../../components/FormButtons';
import { QueryState } from '../../components/QueryState';
import type { InviteeRowFragment } from '../../gql/graphql';
import { CHECK_PERSONNEL, STAGE_INVITEE } from '../../graphql/operations';
import type { BatchNotice } from '../batch/BatchPage';
import { NotFoundPage } from '../NotFoundPage';

interface Person {
  email: string;
  dateOfBirth: string;
  firstName: string;
  middleNames: string;
  lastName: string;
  preferredName: string;
  mobile: string;
  jobRole: string;
}

const EMPTY: Person = {
  email: '',
  dateOfBirth: '',
  firstName: '',
  middleNames: '',
  lastName: '',
  preferredName: '',
  mobile: '',
  jobRole: '',
};
const FIRST_STEP_FIELDS = ['email', 'dateOfBirth'];

/**
 * Adding one person (MyPass stage 1, steps 7-10; the DSP single passport form): email and date of birth, then
 * Next; a person with a Skills Passport joins with it, anyone else needs their names as on an identity document;
 * a review ("Yes, create"), and back to the batch's Uploaded tab with the person shown.
 */
export function AddPersonPage() {
  const { batchId = '' } = useParams();
  const batch = useBatch(batchId);
  const navigate = useNavigate();
  const client = useQueryClient();
  const [step, setStep] = useState(0);
  const [person, setPerson] = useState<Person>(EMPTY);
  const [passportExists, setPassportExists] = useState<boolean | null>(null);
  const set = (field: keyof Person) => (e: { currentTarget: { value: string } }) =>
    setPerson({ ...person, [field]: e.currentTarget.value });

  const check = useMutation<boolean, ApiProblem>({
    mutationFn: async () =>
      (await gql(CHECK_PERSONNEL, { email: person.email.trim(), dateOfBirth: person.dateOfBirth }))
        .checkPersonnel.passportExists,
    onSuccess: (exists) => {
      setPassportExists(exists);
      setStep(1);
    },
  });
  const create = useMutation<InviteeRowFragment, ApiProblem>({
    mutationFn: async () => {
      const optional = (value: string) => (value.trim() === '' ? null : value.trim());
      const names = passportExists
        ? {}
        : {
            firstName: optional(person.firstName),
            middleNames: optional(person.middleNames),
            lastName: optional(person.lastName),
            preferredName: optional(person.preferredName),
          };
      const input = {
        batchId,
        email: person.email.trim(),
        dateOfBirth: person.dateOfBirth,
        ...names,
        mobile: optional(person.mobile),
        jobRole: optional(person.jobRole),
      };
      return (await gql(STAGE_INVITEE, { input })).stageInvitee;
    },
    onSuccess: async (staged) => {
      await invalidateBatchAndPools(client, batchId);
      const status =
        staged.uploadStatus === 'EXISTING'
          ? 'Existing: they will join with their Skills Passport'
          : staged.uploadStatus === 'NEW'
            ? 'New'
            : 'Invalid: their details differ from their Skills Passport, correct them before inviting';
      const state: BatchNotice = {
        notice: `${displayName(staged) || staged.email} added to Uploaded (${status}).`,
        highlight: staged.id,
      };
      navigate(`/batches/${batchId}`, { state });
    },
    onError: (problem) => {
      // A problem with the first step's fields sends the admin back there to fix it.
      if (problem.fieldProblems.some((p) => p.field && FIRST_STEP_FIELDS.includes(p.field))) setStep(0);
      else if (problem.fieldProblems.length > 0) setStep(1);
    },
  });

  if (!batch.data) return <QueryState error={batch.error} label="The batch" />;
  const summary = batch.data.invitationBatch;
  if (!summary) return <NotFoundPage what="This invitation batch" />;
  const problem = create.error ?? check.error;
  const fieldError = (field: keyof Person) => problem?.forField(field);
  /** A field's value, its change and its error: what each of the form's inputs is bound to. */
  const bound = (field: keyof Person) => ({
    value: person[field],
    onChange: set(field),
    error: fieldError(field),
  });

  const submitFirst = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    check.mutate();
  };
  const submitSecond = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    setStep(2);
  };

  return (
    <BatchStepsPage title="Add personnel" batch={summary} maw={760} step={step} onStep={setStep}>
      <Stepper.Step label="Email and date of birth">
        <form onSubmit={submitFirst} noValidate>
          <Stack mt="md">
            <ProblemAlert problem={problem} shownFields={FIRST_STEP_FIELDS} />
            <TextInput
              label="Personal email"
              description="Use their personal email, not a work one: it is how a Skills Passport is found, and avoids duplicates."
              type="email"
              required
              autoComplete="off"
              {...bound('email')}
              data-autofocus
            />
            <TextInput
              label="Date of birth"
              type="date"
              required
              {...bound('dateOfBirth')}
              w={{ base: '100%', xs: 220 }}
            />
            <FormButtons
              onCancel={() => navigate(`/batches/${batchId}`)}
              act="Next"
              loading={check.isPending}
            />
          </Stack>
        </form>
      </Stepper.Step>
      <Stepper.Step label={passportExists ? 'Skills Passport found' : 'Their details'}>
        <form onSubmit={submitSecond} noValidate>
          <Stack mt="md">
            <ProblemAlert problem={problem} shownFields={Object.keys(EMPTY)} />
            {passportExists ? (
              <Alert color="green" title="This person has a Skills Passport">
                They will join with it, as it is: their names and details come from their passport, and
                nothing you enter changes it.
              </Alert>
            ) : (
              <>
                <Alert color="blue" title="No Skills Passport yet">
                  Enter their names exactly as on an identity document (passport, driver&apos;s licence, photo
                  ID card). Their passport is created from these when they accept.
                </Alert>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label="First name"
                    description="As on their identity document. No nicknames or preferred names here."
                    required
                    {...bound('firstName')}
                    data-autofocus
                  />
                  <TextInput
                    label="Middle names"
                    description="Every middle name, if they have more than one."
                    {...bound('middleNames')}
                  />
                  <TextInput
                    label="Last name"
                    description="Their full last name."
                    required
                    {...bound('lastName')}
                  />
                  <TextInput
                    label="Preferred name"
                    description="A nickname or the name they go by."
                    {...bound('preferredName')}
                  />
                </SimpleGrid>
              </>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Mobile (optional)"
                description="E.164, e.g. +61412345678: they also get the invitation by text message."
                type="tel"
                {...bound('mobile')}
              />
              <TextInput label="Job role (optional)" {...bound('jobRole')} />
            </SimpleGrid>
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(0)}>
                Back
              </Button>
              <Button type="submit">Next</Button>
            </Group>
          </Stack>
        </form>
      </Stepper.Step>
      <Stepper.Step label="Review">
        <Stack mt="md">
          <Text fw={600}>Check these details before you create this person in {summary.name}.</Text>
          <ProblemAlert problem={create.error} />
          <DetailsTable rows={reviewRows(person, passportExists === true)} labelWidth={160} withTableBorder />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(1)}>
              Go back
            </Button>
            <Button loading={create.isPending} onClick={() => create.mutate()}>
              Yes, create
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
    </BatchStepsPage>
  );
}

function reviewRows(p: Person, passportExists: boolean): Detail[] {
  const rows: Detail[] = [
    ['Personal email', p.email.trim()],
    ['Date of birth', formatDate(p.dateOfBirth)],
  ];
  if (passportExists) rows.push(['Skills Passport', 'Exists: they join with it']);
  else {
    rows.push(
      ['First name', p.firstName.trim()],
      ['Middle names', p.middleNames.trim() || '—'],
      ['Last name', p.lastName.trim()],
      ['Preferred name', p.preferredName.trim() || '—'],
    );
  }
  rows.push(['Mobile', p.mobile.trim() || '—'], ['Job role', p.jobRole.trim() || '—']);
  return rows;
}
