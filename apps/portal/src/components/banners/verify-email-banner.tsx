// Asks a signed-in customer whose e-mail is not verified to verify it (issue #3).
// Filled in by the customer-identity screens; rendered by the layout for customers.
export async function VerifyEmailBanner() {
  return null;
}
