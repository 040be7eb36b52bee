import { Inject, Injectable } from '@nestjs/common';
import { classifyPerson } from '@invitations/domain';
import type { Classification } from '@invitations/domain';
import type { PersonDetails } from '@invitations/domain';
import { validatePerson, type PersonInput } from '@invitations/domain';
import { DomainError } from '@invitations/domain';
import type { ServiceConfig } from '@invitations/runtime';
import { SERVICE_CONFIG } from '../infrastructure/tokens';
import { PassportDirectory } from './passport-directory';

/** Validates and normalises a person typed by an admin, then classifies them against the passports on record. */
@Injectable()
export class PersonIntake {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly passports: PassportDirectory,
  ) {}

  /** Normalised details, or BAD_USER_INPUT listing every problem by field. */
  validate(input: PersonInput, now: Date): PersonDetails {
    const result = validatePerson(input, {
      defaultRegion: this.config.defaultPhoneRegion,
      maxFieldLength: this.config.uploads.maxFieldLength,
      today: now.toISOString().slice(0, 10),
    });
    if (!result.ok) {
      const summary = result.errors.map((e) => `${e.field} ${e.message}`).join('; ');
      throw new DomainError('BAD_USER_INPUT', `Invalid person details: ${summary}`, result.errors);
    }
    return result.person;
  }

  async classify(person: PersonDetails): Promise<Classification> {
    const [byEmail, byMobile] = await Promise.all([
      this.passports.byEmail(person.email),
      this.passports.byMobile(person.mobile),
    ]);
    return classifyPerson(person, byEmail, byMobile);
  }
}
