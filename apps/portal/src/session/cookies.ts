// next-auth's cookies, written out so the policy is visible in one place: HttpOnly and
// SameSite=Lax always; in production Secure, with the __Secure-/__Host- prefixes that
// browsers refuse to let a plain-HTTP page or a sub-domain overwrite.
export function authCookies(production: boolean) {
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: production };
  const secure = production ? "__Secure-" : "";
  return {
    sessionToken: { name: `${secure}authjs.session-token`, options: base },
    callbackUrl: { name: `${secure}authjs.callback-url`, options: base },
    // __Host- forbids a Domain attribute: the CSRF cookie stays on this exact host.
    csrfToken: { name: `${production ? "__Host-" : ""}authjs.csrf-token`, options: base },
  };
}

/**
 * The known-device cookie (ASVS 6.3.1): set at each successful customer sign-in, sent back
 * with the next one, so failures from other clients do not block this browser. HttpOnly,
 * SameSite=Lax, and in production Secure with the __Host- prefix (no Domain: no sibling
 * sub-domain can plant or read it). Its value is a secret the database keeps only hashed.
 */
export function deviceCookie(production: boolean) {
  return {
    name: `${production ? "__Host-" : ""}portal.device`,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      secure: production,
      maxAge: 180 * 24 * 60 * 60,
    },
  };
}

/**
 * The language switcher's choice on this browser (issue 15): not a secret, but HttpOnly
 * all the same (no script reads it), SameSite=Lax, a year, and in production Secure with
 * the __Host- prefix like the others.
 */
export function localeCookie(production: boolean) {
  return {
    name: `${production ? "__Host-" : ""}portal.locale`,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      secure: production,
      maxAge: 365 * 24 * 60 * 60,
    },
  };
}
