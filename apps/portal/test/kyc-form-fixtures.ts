// A KYC form filled in as a customer would, for the portal's unit tests.
import type { KycSubmissionFormInput } from "@brokerage/validators";

export const PNG = { name: "passport.png", size: 1200, type: "image/png" };

export const VALID: KycSubmissionFormInput = {
  firstName: "Ada María",
  lastName: "O'Neil-Smith",
  dateOfBirth: "1990-04-12",
  nationality: "DE",
  countryOfResidence: "CY",
  line1: "1 Harbour Road",
  line2: "",
  city: "Limassol",
  postalCode: "3035",
  addressCountry: "CY",
  documentType: "passport",
  documentNumber: "C01X00T47",
  expiryDate: "2031-01-31",
  files: [PNG],
};
