import { Inject, Injectable } from '@nestjs/common';
import { classifyPerson } from '../../../../libs/invitations/src/person/classify-person';
import type { Classification } from '../../../../libs/invitations/src/person/classification';
import type { PersonDetails } from '../../../../libs/invitations/src/person/person-details';
import { validatePerson, type PersonInput } from '../../../../libs/invitations/src/person/validate-person';
import { DomainError } from '../../../../libs/invitations/src/shared/domain-error';
import type { ServiceConfig } from '../../../../libs/shared/src/config';
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
