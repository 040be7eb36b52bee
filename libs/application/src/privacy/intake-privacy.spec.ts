import { acceptInvitation } from '../invitations/accept-invitation';
import { correctInvitee } from '../invitees/correct-invitee';
import { stageInvitee } from '../invitees/stage-invitee';
import { adminContext, applicationWorld, type ApplicationWorld } from '../testing/application-world';
import { ADA, aPoolAndBatch, invitedWithToken } from '../testing/scenario';
import { CORRECTIONS_PER_INVITEE_PER_HOUR } from './correction-limit';
import { InMemoryPassportMatchBudget } from './passport-matches';

const NOW = new Date('2025-03-02T09:00:00.000Z');
const minutesLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** Ada holds a passport (she accepted an invitation of organisation A); organisation B has never met her. */
async function adaHoldsAPassport(world: ApplicationWorld) {
  const { batchId } = await aPoolAndBatch(world);
  const { token } = await invitedWithToken(world, batchId);
  await acceptInvitation(world, adminContext(), token);
}

describe('what a person typed in tells an organisation of passports it does not hold', () => {
  let world: ApplicationWorld;
  let theirBatch: string;
  const B = { organisationId: 'org-b', actor: 'mallory' };

  beforeEach(async () => {
    world = applicationWorld();
    await adaHoldsAPassport(world);
    ({ batchId: theirBatch } = await aPoolAndBatch(world, B));
  });

  it("refuses a mobile of another email's passport naming only that, as an upload makes the row a duplicate", async () => {
    const probe = { email: 'probe@example.com', dateOfBirth: '1970-01-01', firstName: 'Pro', lastName: 'Be' };
    const stage = stageInvitee(world, adminContext({ ...B, now: NOW }), theirBatch, {
      ...probe,
      mobile: ADA.mobile,
    });
    await expect(stage).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      errors: [{ field: 'mobile', message: 'MOBILE_BELONGS_TO_OTHER_PASSPORT' }],
    });

    // Correcting a person to that mobile answers the same.
    const { inviteeId } = await stageInvitee(world, adminContext({ ...B, now: NOW }), theirBatch, probe);
    await expect(
      correctInvitee(world, adminContext({ ...B, now: NOW }), inviteeId, { mobile: ADA.mobile }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'mobile' }] });
  });

  it('corrects one invitee a handful of times an hour, then answers RATE_LIMITED until the hour has passed', async () => {
    const { inviteeId } = await stageInvitee(world, adminContext({ ...B, now: NOW }), theirBatch, {
      ...ADA,
      dateOfBirth: '1980-01-01',
    });
    const dates = ['1980-01-02', '1980-01-03', '1980-01-04', '1980-01-05', '1980-01-06', '1980-01-07'];
    for (const [index, dateOfBirth] of dates.slice(0, CORRECTIONS_PER_INVITEE_PER_HOUR).entries())
      await correctInvitee(world, adminContext({ ...B, now: minutesLater(index) }), inviteeId, {
        dateOfBirth,
      });
    const tooMany = correctInvitee(world, adminContext({ ...B, now: minutesLater(10) }), inviteeId, {
      dateOfBirth: dates[CORRECTIONS_PER_INVITEE_PER_HOUR],
    });
    await expect(tooMany).rejects.toMatchObject({ code: 'RATE_LIMITED' });

    // An hour after the first correction, one more is allowed.
    await correctInvitee(world, adminContext({ ...B, now: minutesLater(61) }), inviteeId, {
      dateOfBirth: dates[CORRECTIONS_PER_INVITEE_PER_HOUR],
    });
  });

  it("counts each person staged and corrected as a match of the organisation's day", async () => {
    const passportMatches = new InMemoryPassportMatchBudget(2);
    const deps = { ...world, passportMatches };
    const context = () => adminContext({ ...B, now: NOW });
    const { inviteeId } = await stageInvitee(deps, context(), theirBatch, {
      ...ADA,
      email: 'x@example.com',
      mobile: null,
    });
    await correctInvitee(deps, context(), inviteeId, { firstName: 'Adah' });
    await expect(
      stageInvitee(deps, context(), theirBatch, { ...ADA, email: 'y@example.com', mobile: null }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(correctInvitee(deps, context(), inviteeId, { firstName: 'Ada' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });
});
