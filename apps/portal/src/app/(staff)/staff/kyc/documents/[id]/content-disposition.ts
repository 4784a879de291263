/**
 * `attachment` (an uploaded file is never rendered as a page of ours) with the uploaded name: a plain-ASCII fallback (quotes, backslashes and
 * control characters replaced) and the exact name in RFC 5987 form.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_").trim() || "document";
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
