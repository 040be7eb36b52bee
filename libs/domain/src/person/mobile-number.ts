import { Metadata } from 'libphonenumber-js/core';
// Mobile-only metadata: smaller and faster than the full set, and a number's type comes with its validation.
import mobileMetadata from 'libphonenumber-js/mobile/metadata';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/mobile';

const PHONE_PUNCTUATION = /[\s\-().]/g;
const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * A mobile number in E.164, or null when it is not one. Accepts E.164, spaces, dashes and a national format for
 * the default region, and repairs what Excel does to numbers: a dropped leading `+` (`61412345678`) and a
 * dropped leading `0` of a national number (`412345678`). Fixed-line numbers are refused.
 *
 * libphonenumber-js decides. The commonest shapes of a number of the default region (`+61 4xx…`, `04xx…`,
 * `4xx…`, `614xx…`) are answered from the same library's metadata without a full parse: about a tenth of the
 * time, which matters for 150,000-row uploads. See `RegionMobiles` for when that shortcut applies; a spec holds
 * it to the library's answer over many generated numbers of several regions.
 */
export function normaliseMobile(value: string, defaultRegion: string): string | null {
  const compact = value.replace(PHONE_PUNCTUATION, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  const known = regionMobiles(defaultRegion)?.e164Of(compact);
  if (known !== undefined) return known;
  return parsedMobile(compact, defaultRegion);
}

/** The library's answer: the number as written, then with the `+` or the national `0` that Excel drops. */
export function parsedMobile(compact: string, defaultRegion: string): string | null {
  const candidates = compact.startsWith('+') ? [compact] : [compact, `+${compact}`, `0${compact}`];
  for (const candidate of candidates) {
    const phone = parsePhoneNumberFromString(candidate, defaultRegion as CountryCode);
    // getType() answers undefined for a number that is not a valid mobile (it validates as it types).
    const type = phone?.getType();
    if (phone && type && MOBILE_TYPES.has(type)) return phone.number;
  }
  return null;
}

/**
 * What the metadata says of a region's mobile numbers, for the shortcut: a national significant number (NSN) that
 * matches the region's mobile pattern, at one of its possible lengths, written as `+<code><NSN>`, `<code><NSN>`,
 * `<national prefix><NSN>` or `<NSN>`, is the mobile `+<code><NSN>`: exactly what the parse concludes, since
 * - the region is the main one of its calling code (so `+<code>` numbers are read as its own first), and
 * - it has no national prefix transform rule (the NSN is the digits after the prefix, unchanged), and
 * - the prefix-for-parsing pattern strips exactly the national prefix from `<prefix><NSN>` and nothing from
 *   `<NSN>`, and `<code><NSN>` is too long to be read as an NSN itself.
 * A number outside these shapes (or a region without them) is left to the full parse.
 */
class RegionMobiles {
  private constructor(
    private readonly callingCode: string,
    private readonly nationalPrefix: string | null,
    private readonly prefixForParsing: RegExp | null,
    private readonly mobile: RegExp,
    private readonly lengths: readonly number[],
  ) {}

  /** Null when the region lacks the shapes above, or the metadata is not as this version reads it. */
  static of(region: string): RegionMobiles | null {
    try {
      const metadata = new Metadata(mobileMetadata) as unknown as MetadataReader;
      if (!metadata.hasCountry(region)) return null;
      metadata.selectNumberingPlan(region);
      const plan = metadata.numberingPlan;
      const mobile = plan.type('MOBILE');
      if (!mobile || plan.nationalPrefixTransformRule()) return null;
      const callingCode = plan.callingCode();
      if (metadata.getCountryCodesForCallingCode(callingCode)?.[0] !== region) return null;
      const prefixForParsing = plan.nationalPrefixForParsing();
      return new RegionMobiles(
        callingCode,
        plan.nationalPrefix() || null,
        prefixForParsing ? new RegExp(`^(?:${prefixForParsing})`) : null,
        new RegExp(`^(?:${mobile.pattern()})$`),
        mobile.possibleLengths() ?? [],
      );
    } catch {
      return null;
    }
  }

  /** `+<code><NSN>` for the shapes above; undefined when the number needs the full parse. */
  e164Of(compact: string): string | undefined {
    if (compact.startsWith('+')) {
      return compact.startsWith(this.callingCode, 1)
        ? this.ifMobile(compact.slice(1 + this.callingCode.length))
        : undefined;
    }
    if (this.nationalPrefix !== null && compact.startsWith(this.nationalPrefix)) {
      const stripped = this.prefixForParsing?.exec(compact)?.[0];
      if (stripped === this.nationalPrefix) {
        const result = this.ifMobile(compact.slice(stripped.length));
        if (result !== undefined) return result;
      }
    }
    if (this.lengths.includes(compact.length)) {
      const stripsSomething = (this.prefixForParsing?.exec(compact)?.[0].length ?? 0) > 0;
      return stripsSomething ? undefined : this.ifMobile(compact);
    }
    if (compact.startsWith(this.callingCode)) return this.ifMobile(compact.slice(this.callingCode.length));
    return undefined;
  }

  private ifMobile(nsn: string): string | undefined {
    return this.lengths.includes(nsn.length) && this.mobile.test(nsn)
      ? `+${this.callingCode}${nsn}`
      : undefined;
  }
}

/**
 * The parts of libphonenumber-js's Metadata class read here: its runtime API (what the library's own parser
 * uses), wider than its type declarations. A version that reads otherwise makes `RegionMobiles.of` answer null,
 * and every number takes the full parse (the spec then fails on the shortcut's absence, not on an answer).
 */
interface MetadataReader {
  hasCountry(region: string): boolean;
  selectNumberingPlan(region: string): void;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  numberingPlan: {
    callingCode(): string;
    nationalPrefix(): string | undefined;
    nationalPrefixForParsing(): string | undefined;
    nationalPrefixTransformRule(): string | undefined;
    type(type: 'MOBILE'): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  };
}

const regions = new Map<string, RegionMobiles | null>();

/** Whether numbers of the region may take the shortcut (for the spec). */
export function hasMobileShortcut(region: string): boolean {
  return regionMobiles(region) !== null;
}

function regionMobiles(region: string): RegionMobiles | null {
  let known = regions.get(region);
  if (known === undefined) {
    known = RegionMobiles.of(region);
    regions.set(region, known);
  }
  return known;
}
