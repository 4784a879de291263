"use client";

// The KYC form's fieldsets: about the customer, their home address, their identity
// document. Each field is a kit field under the form-shaped schema's name (kycSubmissionForm).
import { KYC_DOCUMENT_TYPES } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FieldError, SelectField, TextField, useFieldParts } from "~/components/forms";
import type { CountryOption } from "~/components/kyc/countries";
import { KycFiles } from "./kyc-files";
import { kycFieldId } from "./form-layout";
import styles from "./kyc-form.module.css";

type CountryFieldName = "nationality" | "countryOfResidence" | "addressCountry";

function CountryField({ name, countries, autoComplete }: { name: CountryFieldName; countries: CountryOption[]; autoComplete: string }) {
  const t = useTranslations("kyc.form");
  return (
    <SelectField id={kycFieldId(name)} name={name} label={t(name)} autoComplete={autoComplete}>
      <option value="">{t("chooseCountry")}</option>
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.label}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * A fieldset with its legend; a refusal about the group as a whole (`address`, `document`:
 * the server names a group when its object is wrong) is shown under the legend and
 * describes the fieldset.
 */
function Group({ name, legend, children }: { name: "address" | "document"; legend: string; children: ReactNode }) {
  const group = useFieldParts(name, { id: kycFieldId(name) });
  return (
    <fieldset className={styles.fieldset} aria-describedby={group.error ? group.errorId : undefined}>
      <legend>{legend}</legend>
      <FieldError id={group.errorId}>{group.error}</FieldError>
      {children}
    </fieldset>
  );
}

export function PersonalDetails({ countries }: { countries: CountryOption[] }) {
  const t = useTranslations("kyc.form");
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t("personal")}</legend>
      <div className={styles.row}>
        <TextField id={kycFieldId("firstName")} name="firstName" type="text" label={t("firstName")} hint={t("namesHint")} autoComplete="given-name" />
        <TextField id={kycFieldId("lastName")} name="lastName" type="text" label={t("lastName")} hint={t("namesHint")} autoComplete="family-name" />
      </div>
      <div className={styles.row}>
        <TextField id={kycFieldId("dateOfBirth")} name="dateOfBirth" type="date" label={t("dateOfBirth")} autoComplete="bday" />
      </div>
      <div className={styles.row}>
        <CountryField name="nationality" countries={countries} autoComplete="off" />
        <CountryField name="countryOfResidence" countries={countries} autoComplete="country" />
      </div>
    </fieldset>
  );
}

export function HomeAddress({ countries }: { countries: CountryOption[] }) {
  const t = useTranslations("kyc.form");
  return (
    <Group name="address" legend={t("address")}>
      <TextField id={kycFieldId("line1")} name="line1" type="text" label={t("line1")} hint={t("line1Hint")} autoComplete="address-line1" />
      <TextField id={kycFieldId("line2")} name="line2" type="text" label={t("line2")} autoComplete="address-line2" />
      <div className={styles.row}>
        <TextField id={kycFieldId("city")} name="city" type="text" label={t("city")} autoComplete="address-level2" />
        <TextField id={kycFieldId("postalCode")} name="postalCode" type="text" label={t("postalCode")} autoComplete="postal-code" />
      </div>
      <CountryField name="addressCountry" countries={countries} autoComplete="off" />
    </Group>
  );
}

export function IdentityDocument() {
  const t = useTranslations("kyc.form");
  return (
    <Group name="document" legend={t("document")}>
      <SelectField id={kycFieldId("documentType")} name="documentType" label={t("documentType")}>
        <option value="">{t("chooseDocumentType")}</option>
        {KYC_DOCUMENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`documentTypes.${type}`)}
          </option>
        ))}
      </SelectField>
      <div className={styles.row}>
        <TextField
          id={kycFieldId("documentNumber")}
          name="documentNumber"
          type="text"
          label={t("documentNumber")}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField id={kycFieldId("expiryDate")} name="expiryDate" type="date" label={t("expiryDate")} autoComplete="off" />
      </div>
      <KycFiles />
    </Group>
  );
}
