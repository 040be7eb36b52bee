/** The settings that keep what an organisation learns of other organisations' people bounded. */
export interface PrivacySettings {
  /** PASSPORT_MATCHES_PER_DAY: people (typed in, or rows of uploads) an organisation may match in a day. */
  passportMatchesPerDay: number;
}

type NumberSetting = (name: string, fallback: number, min: number) => number;

export function privacySettings(number: NumberSetting): PrivacySettings {
  return { passportMatchesPerDay: Math.round(number('PASSPORT_MATCHES_PER_DAY', 500_000, 1)) };
}
