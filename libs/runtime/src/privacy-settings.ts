/** The settings that keep people's personal data private: bounded probes, keyed stream ids, retention. */
export interface PrivacySettings {
  /** PASSPORT_MATCHES_PER_DAY: people (typed in, or rows of uploads) an organisation may match in a day. */
  passportMatchesPerDay: number;
  /**
   * PERSONAL_DATA_SECRET: keys the HMAC naming the streams that keep emails and mobiles unique; null: generated
   * once and kept in DATA_DIR (set it, the same everywhere, when several processes share EventStoreDB).
   */
  personalDataSecret: string | null;
  /**
   * RETENTION_DAYS_AFTER_CLOSE: days after an invitation was declined, revoked or expired (never accepted) at which
   * the person is erased; null (the default): never.
   */
  retentionDaysAfterClose: number | null;
}

type NumberSetting = (name: string, fallback: number, min: number) => number;
type TextSetting = (name: string) => string | null;

export function privacySettings(number: NumberSetting, text: TextSetting): PrivacySettings {
  return {
    passportMatchesPerDay: Math.round(number('PASSPORT_MATCHES_PER_DAY', 500_000, 1)),
    personalDataSecret: text('PERSONAL_DATA_SECRET'),
    retentionDaysAfterClose:
      text('RETENTION_DAYS_AFTER_CLOSE') === null ? null : number('RETENTION_DAYS_AFTER_CLOSE', 0, 0),
  };
}
