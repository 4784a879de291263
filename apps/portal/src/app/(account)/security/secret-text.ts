// Text forms of the two-factor secrets the customer copies or keeps.

/** "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP": easier to read out and type. */
export function groupSecret(secret: string, size = 4): string {
  const compact = secret.replace(/\s+/g, "");
  return (compact.match(new RegExp(`.{1,${size}}`, "g")) ?? []).join(" ");
}

/** The .txt file of recovery codes: a heading, a note, one code per line. */
export function recoveryCodesFile(input: {
  heading: string;
  note: string;
  codes: readonly string[];
}): string {
  return [input.heading, "", input.note, "", ...input.codes, ""].join("\n");
}
