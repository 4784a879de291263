// A readable reference of the customer HTTP API, rendered from the same OpenAPI document
// that /api/openapi.json serves (so the two never disagree).
import { buildOpenApiDocument } from "@brokerage/api";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import styles from "./api-reference.module.css";

interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { description: string }>;
}

interface Schema {
  properties?: Record<string, { type?: string | string[]; description?: string }>;
  required?: string[];
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiReference");
  return { title: t("title") };
}

const schemaName = (ref: string | undefined) => ref?.split("/").pop();

interface ApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
// Built once per process (some 200 ms for the 26 operations): it never changes while running.
let built: ApiDocument | undefined;

export default async function ApiReferencePage() {
  const t = await getTranslations("apiReference");
  const doc = (built ??= buildOpenApiDocument() as unknown as ApiDocument);
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <div className="container">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>
        <a href="/api/openapi.json">{t("download")}</a>
      </p>
      {operations.map(({ path, method, op }) => {
        const request = schemaName(op.requestBody?.content["application/json"]?.schema.$ref);
        const fields = request ? doc.components.schemas[request]?.properties : undefined;
        const required = new Set(request ? (doc.components.schemas[request]?.required ?? []) : []);
        return (
          <section key={`${method} ${path}`} className={styles.operation} aria-labelledby={`${method}-${path}`}>
            <h2 id={`${method}-${path}`} className={styles.heading}>
              <span className={styles.method}>{method}</span> <code>{path}</code>
            </h2>
            {op.summary ? <p>{op.summary}</p> : null}
            <p className={styles.auth}>{op.security && op.security.length > 0 ? t("bearer") : t("public")}</p>
            {fields ? (
              <table className={styles.table}>
                <caption>{t("requestBody")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("field")}</th>
                    <th scope="col">{t("type")}</th>
                    <th scope="col">{t("required")}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(fields).map(([name, field]) => (
                    <tr key={name}>
                      <td>
                        <code>{name}</code>
                      </td>
                      <td>{Array.isArray(field.type) ? field.type.join(" | ") : (field.type ?? "")}</td>
                      <td>{required.has(name) ? t("yes") : t("no")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <table className={styles.table}>
              <caption>{t("responses")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("meaning")}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(op.responses).map(([status, response]) => (
                  <tr key={status}>
                    <td>{status}</td>
                    <td>{response.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
