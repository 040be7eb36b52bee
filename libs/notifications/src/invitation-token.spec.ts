import { hashInvitationToken, issueInvitationToken, readInvitationToken } from './invitation-token';

describe('invitation tokens', () => {
  const inviteeId = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('carry 256 random bits and the invitee id, and are kept only as a hash', () => {
    const a = issueInvitationToken(inviteeId);
    const b = issueInvitationToken(inviteeId);
    expect(a.token).toHaveLength(64);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(48);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashInvitationToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(readInvitationToken(a.token)).toEqual({ inviteeId, tokenHash: a.tokenHash });
  });

  it.each(['', 'short', 'x'.repeat(65), `${'A'.repeat(63)}!`])('reads %p as no token', (token) => {
    expect(readInvitationToken(token)).toBeNull();
  });
});
