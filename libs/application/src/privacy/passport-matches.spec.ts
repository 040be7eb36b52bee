import { InMemoryUploadLookups } from '../uploads/in-memory-upload-lookups';
import { countedUploadLookups, InMemoryPassportMatchBudget } from './passport-matches';

const MORNING = new Date('2025-03-02T09:00:00.000Z');
const NIGHT = new Date('2025-03-02T23:59:00.000Z');
const NEXT_DAY = new Date('2025-03-03T00:00:01.000Z');

describe('the passport matches of an organisation a day (PASSPORT_MATCHES_PER_DAY)', () => {
  it("counts each organisation's matches of the day up to the cap, then answers RATE_LIMITED counting nothing", async () => {
    const budget = new InMemoryPassportMatchBudget(10);
    await budget.spend('org-a', 6, MORNING);
    await budget.spend('org-a', 4, NIGHT);
    await expect(budget.spend('org-a', 1, NIGHT)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('PASSPORT_MATCHES_PER_DAY'),
    });
    // Another organisation has its own count.
    await budget.spend('org-b', 10, NIGHT);
  });

  it('refuses a batch that would pass the cap whole, and leaves the rest of the day to smaller ones', async () => {
    const budget = new InMemoryPassportMatchBudget(10);
    await budget.spend('org-a', 8, MORNING);
    await expect(budget.spend('org-a', 3, MORNING)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await budget.spend('org-a', 2, MORNING);
    await expect(budget.spend('org-a', 1, MORNING)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('starts again at midnight UTC', async () => {
    const budget = new InMemoryPassportMatchBudget(5);
    await budget.spend('org-a', 5, NIGHT);
    await expect(budget.spend('org-a', 1, NIGHT)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await budget.spend('org-a', 5, NEXT_DAY);
  });

  it("counts an upload's rows as they are looked up by email, before the passports are asked", async () => {
    const budget = new InMemoryPassportMatchBudget(3);
    const inner = new InMemoryUploadLookups();
    const lookups = countedUploadLookups(inner, budget, 'org-a', MORNING);
    await lookups.passportsByEmail(['a@example.com', 'b@example.com']);
    await expect(lookups.passportsByEmail(['c@example.com', 'd@example.com'])).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(inner.stats.passportsByEmail.calls).toBe(1);
  });
});
