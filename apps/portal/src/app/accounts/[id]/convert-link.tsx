"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** A wallet converts to the customer's other currencies on the conversion screen (issue #13). */
export function ConvertLink({ accountId }: { accountId: number }) {
  const t = useTranslations("accountConvert");
  return (
    <p>
      <Link href={`/money/convert?from=${accountId}`}>{t("link")}</Link>
    </p>
  );
}
