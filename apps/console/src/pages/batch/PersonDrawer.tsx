import {
  Anchor,
  Alert,
  Button,
  Drawer,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { gql } from '../../api/graphql-client';
import { keys } from '../../api/queries';
import { StateBadge, UploadStatusBadge } from '../../components/badges';
import { displayName, formatDate, formatDateTime } from '../../components/format';
import { type Detail, DetailsTable } from '../../components/DetailsTable';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormButtons } from '../../components/FormButtons';
import type { InviteeRowFragment } from '../../gql/graphql';
import { ERASE_INVITEE, HISTORY, INVITEE, INVITEE_AS_OF } from '../../graphql/operations';
import { asProblem } from '../../api/api-problem';

/** datetime-local's value (local time, no zone) as an instant, and back. */
const toInstant = (local: string): string | null => (local ? new Date(local).toISOString() : null);
const toLocalInput = (iso: string): string => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

/**
 * One person: their details as staged, and their history, every change with who made it and when; "as of" shows
 * the person as they stood at an instant, rebuilt from the log.
 */
export function PersonDrawer({ inviteeId, onClose }: { inviteeId: string | null; onClose: () => void }) {
  return (
    <Drawer
      opened={inviteeId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title="Person and history"
    >
      {inviteeId && <PersonHistory key={inviteeId} inviteeId={inviteeId} />}
    </Drawer>
  );
}

function PersonHistory({ inviteeId }: { inviteeId: string }) {
  const [asOfLocal, setAsOfLocal] = useState('');
  const [exactAsOf, setExactAsOf] = useState<string | null>(null);
  const asOf = exactAsOf ?? toInstant(asOfLocal);
  const person = useQuery({
    queryKey: keys.invitee(inviteeId),
    queryFn: () => gql(INVITEE, { id: inviteeId }),
  });
  const history = useQuery({
    queryKey: [...keys.invitee(inviteeId), 'history', asOf],
    queryFn: () => gql(HISTORY, { id: inviteeId, asOf }),
  });
  const then = useQuery({
    queryKey: [...keys.invitee(inviteeId), 'as-of', asOf],
    queryFn: () => gql(INVITEE_AS_OF, { id: inviteeId, asOf: asOf! }),
    enabled: asOf !== null,
  });
  const current = person.data?.invitee;
  const shown = asOf ? then.data?.inviteeAsOf : current;
  return (
    <Stack>
      {person.error && (
        <ProblemAlert problem={asProblem(person.error)} title="This person could not be loaded" />
      )}
      {!person.data && !person.error && <Loader aria-label="Loading the person" />}
      {person.data && !current && <Alert color="gray">This person is no longer in the batch.</Alert>}
      <Group align="flex-end" gap="xs">
        <TextInput
          label="As of"
          description="Show the person as they stood at this time"
          type="datetime-local"
          step={1}
          value={exactAsOf ? toLocalInput(exactAsOf) : asOfLocal}
          onChange={(e) => {
            setExactAsOf(null);
            setAsOfLocal(e.currentTarget.value);
          }}
        />
        {asOf && (
          <Button
            variant="default"
            onClick={() => {
              setExactAsOf(null);
              setAsOfLocal('');
            }}
          >
            Now
          </Button>
        )}
      </Group>
      {asOf && (
        <Text size="sm" role="status">
          As it stood at {formatDateTime(asOf)}
          {then.data && !then.data.inviteeAsOf ? ': not yet in the batch.' : '.'}
        </Text>
      )}
      {shown && <PersonDetails person={shown} />}
      {current?.erased && (
        <Alert color="gray" title="Personal data erased">
          This person&apos;s details were erased: they read [erased] everywhere, their history and the audit
          trail stay. They can be added again as someone new.
        </Alert>
      )}
      {current && !current.erased && !asOf && <EraseAction inviteeId={inviteeId} />}
      <Group justify="space-between">
        <Title order={3} size="h4">
          History
        </Title>
        <Anchor component={Link} to={`/audit?inviteeId=${inviteeId}`} size="sm">
          In the audit log
        </Anchor>
      </Group>
      {history.error && (
        <ProblemAlert problem={asProblem(history.error)} title="The history could not be loaded" />
      )}
      {history.data && history.data.invitationHistory.length === 0 && (
        <Text size="sm">No changes recorded by then.</Text>
      )}
      {history.data && history.data.invitationHistory.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} active={history.data.invitationHistory.length - 1}>
          {history.data.invitationHistory.map((entry) => (
            <Timeline.Item key={entry.position} title={describe(entry.type)}>
              <Text size="sm">
                {formatDateTime(entry.at)} ·{' '}
                {entry.actor ? `by ${entry.actor}` : 'by the invitee or the system'}
              </Text>
              <Button variant="subtle" size="compact-xs" onClick={() => setExactAsOf(entry.at)}>
                Show as of this change
              </Button>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}

/** Erasing a person's personal data (crypto-shredding), after an explicit confirmation: it cannot be undone. */
function EraseAction({ inviteeId }: { inviteeId: string }) {
  const [confirming, setConfirming] = useState(false);
  const client = useQueryClient();
  const erase = useMutation({
    mutationFn: () => gql(ERASE_INVITEE, { id: inviteeId }),
    onSuccess: () => {
      setConfirming(false);
      void client.invalidateQueries();
    },
  });
  return (
    <>
      <Group>
        <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
          Erase personal data
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Erase this person's personal data?"
      >
        <Stack>
          <Text size="sm">
            Their name, email, date of birth and mobile are destroyed for good, in this batch and in its
            history: they will read [erased]. A pending invitation is revoked. What happened and who did it
            stays in the audit trail. This cannot be undone.
          </Text>
          {erase.error && <ProblemAlert problem={asProblem(erase.error)} title="The person was not erased" />}
          <FormButtons
            onCancel={() => setConfirming(false)}
            cancel="Keep them"
            act="Erase for good"
            onAct={() => erase.mutate()}
            loading={erase.isPending}
            color="red"
          />
        </Stack>
      </Modal>
    </>
  );
}

function PersonDetails({ person }: { person: InviteeRowFragment }) {
  const rows: Detail[] = [
    ['Name', displayName(person) || '—'],
    ['Full name', [person.firstName, person.middleNames, person.lastName].filter(Boolean).join(' ') || '—'],
    ['Email', person.email],
    ['Date of birth', formatDate(person.dateOfBirth)],
    ['Mobile', person.mobile ?? '—'],
    ['Job role', person.jobRole ?? '—'],
    [
      'Upload status',
      <UploadStatusBadge key="s" status={person.uploadStatus} discrepancies={person.discrepancies} />,
    ],
    ['State', <StateBadge key="t" state={person.state} autoAccepted={person.autoAccepted} />],
    ['Invited', formatDateTime(person.invitedAt) || '—'],
    ['Expires', formatDateTime(person.expiresAt) || '—'],
    ['Accepted', formatDateTime(person.acceptedAt) || '—'],
  ];
  return <DetailsTable rows={rows} labelWidth={130} withTableBorder />;
}

/** "InvitationSent" → "Invitation sent". */
const describe = (type: string): string => {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
