import examples from 'libphonenumber-js/mobile/examples';
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/mobile';
import { hasMobileShortcut, normaliseMobile, parsedMobile } from './mobile-number';

/** A small deterministic generator, so that a failure names an input that can be tried again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const REGIONS: CountryCode[] = [
  'AU',
  'GB',
  'US',
  'CA',
  'NZ',
  'IN',
  'DE',
  'FR',
  'IE',
  'ZA',
  'SG',
  'AR',
  'BR',
  'MX',
  'CX',
];

/** Numbers near each region's example mobile, in every shape an admin's spreadsheet holds them. */
function shapesNear(region: CountryCode, draw: () => number): string[] {
  const example = examples[region];
  const code = getCountryCallingCode(region);
  const shapes: string[] = [];
  for (let i = 0; i < 300; i += 1) {
    const keep = Math.floor(draw() * 4);
    let nsn = example.slice(0, keep);
    const length = example.length + Math.floor(draw() * 3) - 1;
    while (nsn.length < length) nsn += String(Math.floor(draw() * 10));
    shapes.push(
      `+${code}${nsn}`,
      `${code}${nsn}`,
      `0${nsn}`,
      nsn,
      `1${nsn}`,
      `+${code} ${nsn.slice(0, 3)} ${nsn.slice(3)}`,
      `(0${nsn.slice(0, 2)}) ${nsn.slice(2)}`,
      `+${code}0${nsn}`,
    );
  }
  return shapes;
}

describe('normaliseMobile', () => {
  it.each(REGIONS)('answers exactly as the full libphonenumber-js parse for numbers of %s', (region) => {
    const draw = random(region.charCodeAt(0) * 31 + region.charCodeAt(1));
    const disagreements: string[] = [];
    let mobiles = 0;
    for (const input of shapesNear(region, draw)) {
      const compact = input.replace(/[\s\-().]/g, '');
      const expected = parsedMobile(compact, region);
      if (expected !== null) mobiles += 1;
      const actual = normaliseMobile(input, region);
      if (actual !== expected) disagreements.push(`${input}: ${actual} instead of ${expected}`);
    }
    expect(disagreements).toEqual([]);
    expect(mobiles).toBeGreaterThan(100);
  });

  it('takes the shortcut for the main region of a calling code, and the full parse for the others', () => {
    expect(hasMobileShortcut('AU')).toBe(true);
    expect(hasMobileShortcut('GB')).toBe(true);
    // Argentina's mobiles need a national prefix transform; Christmas Island shares +61 with Australia.
    expect(hasMobileShortcut('AR')).toBe(false);
    expect(hasMobileShortcut('CX')).toBe(false);
    expect(hasMobileShortcut('XX')).toBe(false);
  });
});
