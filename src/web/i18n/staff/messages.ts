import type { Language } from "../../../domain/i18n/index.ts";
import { adminEn } from "./admin.en.ts";
import { adminEs } from "./admin.es.ts";
import { caseEn } from "./case.en.ts";
import { caseEs } from "./case.es.ts";
import { caseHeaderEn } from "./case-header.en.ts";
import { caseHeaderEs } from "./case-header.es.ts";
import { caseloadEn } from "./caseload.en.ts";
import { caseloadEs } from "./caseload.es.ts";
import { closingEn } from "./closing.en.ts";
import { closingEs } from "./closing.es.ts";
import { commonEn } from "./common.en.ts";
import { commonEs } from "./common.es.ts";
import { consentStepEn } from "./consent-step.en.ts";
import { consentStepEs } from "./consent-step.es.ts";
import { fieldErrorsEn } from "./field-errors.en.ts";
import { fieldErrorsEs } from "./field-errors.es.ts";
import { fileEn } from "./file.en.ts";
import { fileEs } from "./file.es.ts";
import { labelsEn } from "./labels.en.ts";
import { labelsEs } from "./labels.es.ts";
import { notificationsEn } from "./notifications.en.ts";
import { notificationsEs } from "./notifications.es.ts";
import { panelsEn } from "./panels.en.ts";
import { panelsEs } from "./panels.es.ts";
import { peopleEditingEn } from "./people-editing.en.ts";
import { peopleEditingEs } from "./people-editing.es.ts";
import { personRecordEn } from "./person-record.en.ts";
import { personRecordEs } from "./person-record.es.ts";
import { workEn } from "./work.en.ts";
import { workEs } from "./work.es.ts";

/**
 * Every staff page's messages, one pair of files per area (`*.en.ts` and `*.es.ts`, same keys,
 * compiler-checked). Imported by the staff shell only, so they load with its chunk.
 */
export const STAFF_MESSAGES = {
  en: {
    ...commonEn,
    ...workEn,
    ...caseEn,
    ...panelsEn,
    ...fileEn,
    ...labelsEn,
    ...adminEn,
    ...closingEn,
    ...consentStepEn,
    ...caseloadEn,
    ...caseHeaderEn,
    ...fieldErrorsEn,
    ...personRecordEn,
    ...notificationsEn,
    ...peopleEditingEn,
  },
  es: {
    ...commonEs,
    ...workEs,
    ...caseEs,
    ...panelsEs,
    ...fileEs,
    ...labelsEs,
    ...adminEs,
    ...closingEs,
    ...consentStepEs,
    ...caseloadEs,
    ...caseHeaderEs,
    ...fieldErrorsEs,
    ...personRecordEs,
    ...notificationsEs,
    ...peopleEditingEs,
  },
} satisfies Record<Language, object>;

export type StaffMessageKey = keyof typeof STAFF_MESSAGES.en;
export type StaffMessages = Record<Language, Record<StaffMessageKey, string>>;
