"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

const matches = (pathname: string, href: string) =>
  href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);

/**
 * A navigation link that tells assistive technology which page is the current one: the
 * most specific match wins (on /accounts/open, "Open an account", not also "Accounts").
 */
export function NavLink({ href, children, siblings = [] }: { href: string; children: ReactNode; siblings?: string[] }) {
  const pathname = usePathname();
  const current =
    matches(pathname, href) && !siblings.some((other) => other.length > href.length && matches(pathname, other));
  return (
    <Link href={href} className="nav-link" aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
