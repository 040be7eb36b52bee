import { createHash } from 'node:crypto';
import {
  batchStreamId,
  inviteeStreamId,
  passportKeyStreamId,
  passportStreamId,
  poolSeatStreamId,
  poolStreamId,
  uploadStreamId,
} from './stream-ids';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('stream ids', () => {
  it('name entity streams by their id', () => {
    expect(poolStreamId('p1')).toBe('pool-p1');
    expect(batchStreamId('b1')).toBe('batch-b1');
    expect(inviteeStreamId('i1')).toBe('invitee-i1');
    expect(passportStreamId('x1')).toBe('passport-x1');
    expect(uploadStreamId('u1')).toBe('upload-u1');
  });

  it('key a pool seat by the sha256 of pool, key and value', () => {
    expect(poolSeatStreamId('p1', 'email', 'ada@example.org')).toBe(
      `pool-seat-${sha256('p1|email|ada@example.org')}`,
    );
    expect(poolSeatStreamId('p1', 'mobile', '+61412345678')).toBe(
      `pool-seat-${sha256('p1|mobile|+61412345678')}`,
    );
  });

  it('key a passport key by the sha256 of key and value', () => {
    expect(passportKeyStreamId('email', 'ada@example.org')).toBe(
      `passport-key-${sha256('email|ada@example.org')}`,
    );
  });

  it('keep personal data out of reservation stream ids', () => {
    const ids = [
      poolSeatStreamId('p1', 'email', 'ada@example.org'),
      passportKeyStreamId('mobile', '+61412345678'),
    ];
    for (const id of ids) {
      expect(id).toMatch(/^(pool-seat|passport-key)-[0-9a-f]{64}$/);
      expect(id).not.toContain('example.org');
      expect(id).not.toContain('61412345678');
    }
  });

  it('give a different seat per pool, per key and per value', () => {
    const seats = new Set([
      poolSeatStreamId('p1', 'email', 'a@example.org'),
      poolSeatStreamId('p2', 'email', 'a@example.org'),
      poolSeatStreamId('p1', 'email', 'b@example.org'),
      poolSeatStreamId('p1', 'mobile', 'a@example.org'),
    ]);
    expect(seats.size).toBe(4);
  });
});
