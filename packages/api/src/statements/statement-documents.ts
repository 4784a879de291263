// The two documents of a statement: a PDF for people (pdfkit) and a CSV for spreadsheets
// (the history export's writer and its formula-injection guard).
import PDFDocument from "pdfkit";
import { csvDocument, neutralizeFormula } from "../history/history-csv";
import type { StatementFigures } from "./statement-data";

export interface StatementHeader {
  statementId: string;
  brandName: string;
  customerName: string;
  account: { login: number; caption: string; kind: "TRADING" | "WALLET"; currency: string };
  generatedAt: Date;
}

const KIND_WORDS: Record<string, string> = {
  OPENING_DEPOSIT: "Opening deposit",
  DEPOSIT: "Deposit",
  WITHDRAWAL: "Withdrawal",
  TRANSFER: "Transfer",
  CONVERSION: "Conversion",
  ADJUSTMENT: "Adjustment",
  REFUND: "Refund",
  CHARGEBACK: "Chargeback",
};

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
/** The last day of the period (its end is the next month's first instant, exclusive). */
const lastDay = (end: Date) => dayOf(new Date(end.getTime() - 1));

/** The PDF, rendered with the standard Helvetica fonts (nothing embedded, nothing fetched). */
export function renderStatementPdf(header: StatementHeader, f: StatementFigures): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: {
      Title: `Statement ${header.account.login} ${f.month}`,
      Author: header.brandName,
      Subject: `Account statement for ${f.month}`,
      CreationDate: header.generatedAt,
      ModDate: header.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const cur = header.account.currency;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font("Helvetica-Bold").fontSize(16).text(`${header.brandName}: account statement`);
  doc.moveDown(0.5);
  doc.font("Helvetica").fontSize(10);
  doc.text(`Customer: ${header.customerName}`);
  doc.text(`Account: ${header.account.login} (${header.account.caption}), ${header.account.kind === "WALLET" ? "wallet" : "trading account"}, ${cur}`);
  doc.text(`Period: ${dayOf(f.periodStart)} to ${lastDay(f.periodEnd)} (UTC)`);
  doc.moveDown();

  const summary: Array<[string, string]> = [
    ["Opening balance", `${f.openingBalance.toFixed(2)} ${cur}`],
    ["Money in", `${f.credits.toFixed(2)} ${cur}`],
    ["Money out", `${f.debits.toFixed(2)} ${cur}`],
    ["Closing balance", `${f.closingBalance.toFixed(2)} ${cur}`],
    ["Fees (conversion spread, included in the rates above)", `${f.fees.toFixed(2)} ${cur}`],
  ];
  doc.font("Helvetica-Bold").fontSize(11).text("Summary");
  doc.font("Helvetica").fontSize(10);
  for (const [label, value] of summary) {
    const y = doc.y;
    doc.text(label, left, y, { width: width - 140 });
    doc.text(value, left + width - 140, y, { width: 140, align: "right" });
  }
  doc.moveDown();

  // Date | Kind | Description | Amount | Balance
  const cols = [
    { title: "Date (UTC)", x: 0, w: 70, align: "left" as const },
    { title: "Kind", x: 72, w: 85, align: "left" as const },
    { title: "Description", x: 159, w: 176, align: "left" as const },
    { title: "Amount", x: 337, w: 80, align: "right" as const },
    { title: "Balance", x: 419, w: width - 419, align: "right" as const },
  ];
  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
    const y = doc.y;
    let bottom = y;
    cells.forEach((cell, i) => {
      const c = cols[i]!;
      doc.text(cell, left + c.x, y, { width: c.w, align: c.align });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = left;
    doc.y = bottom + 2;
  };
  doc.font("Helvetica-Bold").fontSize(11).text("Movements", left);
  row(cols.map((c) => c.title), true);
  row([dayOf(f.periodStart), "", "Opening balance", "", f.openingBalance.toFixed(2)]);
  for (const line of f.lines) {
    // The other account, unless the description already names it ("To 100003").
    const other = line.counterpartyLogin !== null ? String(line.counterpartyLogin) : null;
    const counterparty = other && !line.description.includes(other) ? ` (account ${other})` : "";
    row([line.at.slice(0, 10), KIND_WORDS[line.kind] ?? line.kind, `${line.description}${counterparty}`, line.amount, line.balance]);
  }
  if (f.lines.length === 0) row(["", "", "No money movements in this month", "", ""]);
  row([lastDay(f.periodEnd), "", "Closing balance", "", f.closingBalance.toFixed(2)], true);

  doc.moveDown();
  doc.font("Helvetica").fontSize(8).text(
    `Amounts in ${cur}. Listed: the movements that moved money (completed ones, and withdrawals held for payout). ` +
      `Statement ${header.statementId}, issued ${header.generatedAt.toISOString().replace("T", " ").slice(0, 19)} UTC; ` +
      `a later download gives this same document.`,
    left,
  );
  doc.end();
  return done;
}

const CSV_COLUMNS = ["Row", "Date (UTC)", "Kind", "Description", "Counterparty login", "Amount", "Balance", "Currency", "Id"] as const;

/** One row per movement between an opening and a closing row; the fees last. Amounts stay numbers. */
export function renderStatementCsv(header: StatementHeader, f: StatementFigures): string {
  const cur = header.account.currency;
  const text = (cells: string[]) => cells.map(neutralizeFormula);
  const records: string[][] = [
    [...text(["OPENING_BALANCE", f.periodStart.toISOString(), "", "Opening balance", ""]), "", f.openingBalance.toFixed(2), cur, ""],
    ...f.lines.map((l) => [
      ...text(["MOVEMENT", l.at, l.kind, l.description, l.counterpartyLogin !== null ? String(l.counterpartyLogin) : ""]),
      l.amount,
      l.balance,
      cur,
      l.id,
    ]),
    [...text(["CLOSING_BALANCE", f.periodEnd.toISOString(), "", "Closing balance", ""]), "", f.closingBalance.toFixed(2), cur, ""],
    [...text(["FEES", "", "", "Conversion spread, included in the rates above", ""]), f.fees.toFixed(2), "", cur, ""],
  ];
  return csvDocument(CSV_COLUMNS, records);
}
