import { UNUSABLE_TOKEN_MESSAGE } from './invitee.messages';
import { given } from '../testing/given-when-then';
import {
  acceptCommand,
  aPerson,
  BATCH,
  correctCommand,
  EXISTING,
  INVALID,
  invitationExpired,
  invitationRevoked,
  invitationSent,
  invitedThenAccepted,
  invitedThenDeclined,
  INVITEE_ID,
  inviteeCorrected,
  inviteeRemoved,
  inviteeStaged,
  NEW,
  stageCommand,
  STAGED_AT,
  stagedThenRemoved,
} from '../testing/invitee-fixtures';
import { inviteeDecider } from './invitee.decider';

describe('StageInvitee', () => {
  it('stages a person into the Uploaded tab, with the batch and classification of the command', () => {
    const state = given(inviteeDecider, [])
      .when(stageCommand({ classification: EXISTING, uploadId: 'upload-0001' }))
      .then([inviteeStaged({ ...EXISTING, uploadId: 'upload-0001' })]);
    expect(state).toMatchObject({ status: 'UPLOADED', ...BATCH, inviteeId: INVITEE_ID, stagedAt: STAGED_AT });
  });

  it('stages an INVALID person: they are corrected afterwards', () => {
    given(inviteeDecider, [])
      .when(stageCommand({ classification: INVALID }))
      .then([inviteeStaged(INVALID)]);
  });

  it('refuses a NEW person without first and last names, naming the fields', () => {
    const error = given(inviteeDecider, [])
      .when(stageCommand({ person: aPerson({ firstName: null, lastName: '' }) }))
      .thenThrows('BAD_USER_INPUT', 'names are required');
    expect(error.errors.map((fieldError) => fieldError.field)).toEqual(['firstName', 'lastName']);
  });

  it('stages a person with a passport without names', () => {
    const person = aPerson({ firstName: null, middleNames: null, lastName: null });
    given(inviteeDecider, [])
      .when(stageCommand({ person, classification: EXISTING }))
      .then([inviteeStaged({ person, ...EXISTING })]);
  });

  it('refuses to stage an invitee that already exists', () => {
    given(inviteeDecider, [inviteeStaged()]).when(stageCommand()).thenThrows('CONFLICT');
  });

  it('records the person details only, whatever else the caller attached', () => {
    const person = { ...aPerson(), password: 'hunter2' };
    given(inviteeDecider, []).when(stageCommand({ person })).then([inviteeStaged()]);
  });
});

describe('CorrectInvitee', () => {
  const corrected = aPerson({ firstName: 'Augusta', dateOfBirth: '1990-12-11' });

  it('replaces the details and the classification of an uploaded person', () => {
    const state = given(inviteeDecider, [inviteeStaged(INVALID)])
      .when(correctCommand(corrected, EXISTING))
      .then([inviteeCorrected(corrected, EXISTING)]);
    expect(state).toMatchObject({ person: corrected, ...EXISTING, status: 'UPLOADED' });
  });

  it('records a new classification even when the details are the same (a passport appeared meanwhile)', () => {
    given(inviteeDecider, [inviteeStaged(NEW)])
      .when(correctCommand(aPerson(), EXISTING))
      .then([inviteeCorrected(aPerson(), EXISTING)]);
  });

  it('changes nothing when neither the details nor the classification change', () => {
    given(inviteeDecider, [inviteeStaged(INVALID)])
      .when(correctCommand(aPerson(), INVALID))
      .then([]);
  });

  it('refuses to leave a NEW person without names', () => {
    given(inviteeDecider, [inviteeStaged(NEW)])
      .when(correctCommand(aPerson({ lastName: null }), NEW))
      .thenThrows('BAD_USER_INPUT');
  });

  it.each([
    ['DECLINED', invitedThenDeclined()],
    ['ACCEPTED', invitedThenAccepted()],
    ['REVOKED', [inviteeStaged(), invitationSent(), invitationRevoked()]],
    ['EXPIRED', [inviteeStaged(), invitationSent(), invitationExpired()]],
  ])('is refused once the person is %s', (_status, events) => {
    given(inviteeDecider, events)
      .when(correctCommand(corrected, EXISTING))
      .thenThrows('BAD_USER_INPUT', 'Only people not yet invited, or whose invitation is pending');
  });

  it('answers NOT_FOUND for an invitee that does not exist or was removed', () => {
    given(inviteeDecider, []).when(correctCommand(corrected, EXISTING)).thenThrows('NOT_FOUND');
    given(inviteeDecider, stagedThenRemoved())
      .when(correctCommand(corrected, EXISTING))
      .thenThrows('NOT_FOUND');
  });
});

describe('RemoveInvitee', () => {
  const remove = { type: 'RemoveInvitee' } as const;

  it.each([
    ['UPLOADED', [inviteeStaged()]],
    ['REVOKED', [inviteeStaged(), invitationSent(), invitationRevoked()]],
    ['EXPIRED', [inviteeStaged(), invitationSent(), invitationExpired()]],
  ])('removes a person who is %s', (_status, events) => {
    expect(given(inviteeDecider, events).when(remove).then([inviteeRemoved()])).toMatchObject({
      status: 'REMOVED',
    });
  });

  it('refuses to remove a person with a pending invitation: revoke first', () => {
    given(inviteeDecider, [inviteeStaged(), invitationSent()])
      .when(remove)
      .thenThrows('BAD_USER_INPUT', 'revoke');
  });

  it('refuses to remove a person who has accepted', () => {
    given(inviteeDecider, invitedThenAccepted()).when(remove).thenThrows('CONFLICT', 'accepted');
  });

  it('answers NOT_FOUND for an invitee that does not exist or was already removed', () => {
    given(inviteeDecider, []).when(remove).thenThrows('NOT_FOUND');
    given(inviteeDecider, stagedThenRemoved()).when(remove).thenThrows('NOT_FOUND');
  });

  it('leaves a removed invitee unable to accept', () => {
    given(inviteeDecider, [inviteeStaged(), invitationSent(), invitationRevoked(), inviteeRemoved()])
      .when(acceptCommand())
      .thenThrows('BAD_USER_INPUT', UNUSABLE_TOKEN_MESSAGE);
  });
});
