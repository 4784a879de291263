// The seeded brand's compliance documents: terms (versioned, per language), the risk
// warning shown beside REAL accounts, and the appropriateness questionnaire with its
// scoring. Data, not code: a brand gets its own by inserting rows like these (the
// seed inserts them for `default`). A new terms version is a new row with a higher
// `version`; `material: true` makes every customer accept it again before a REAL opening.

export interface TermsSeed {
  language: string;
  version: number;
  effectiveAt: string;
  material: boolean;
  title: string;
  body: string;
  riskWarning: string;
}

export const RISK_WARNING_EN =
  "CFDs are complex instruments and come with a high risk of losing money rapidly due to leverage. " +
  "74% of retail investor accounts lose money when trading CFDs with this provider. You should consider " +
  "whether you understand how CFDs work and whether you can afford to take the high risk of losing your money.";

export const DEFAULT_TERMS: TermsSeed[] = [
  {
    language: "en",
    version: 1,
    effectiveAt: "2026-01-01T00:00:00Z",
    material: true,
    title: "Client agreement",
    riskWarning: RISK_WARNING_EN,
    body: [
      "1. Scope. These terms govern your trading accounts and wallets with Northwind Markets.",
      "2. Risk. Trading leveraged products may result in losses exceeding your deposits on a single position; " +
        "negative balance protection limits your total loss to the funds in your account.",
      "3. Leverage. Retail clients trade with leverage of at most 1:30 on major currency pairs and less on other instruments.",
      "4. Client money. Your money is held in segregated accounts and never used for our own trading.",
      "5. Records. We keep records of your identity, transactions and communications for at least five years after our relationship ends.",
      "6. Ending the relationship. You may close your relationship at any time once your real accounts hold no money and no payment is pending.",
    ].join("\n\n"),
  },
];

export interface QuestionSeed {
  id: string;
  text: Record<string, string>;
  options: Array<{ id: string; text: Record<string, string>; score: number }>;
}

export interface QuestionnaireSeed {
  version: number;
  effectiveAt: string;
  passScore: number;
  questions: QuestionSeed[];
}

export const DEFAULT_QUESTIONNAIRE: QuestionnaireSeed = {
  version: 1,
  effectiveAt: "2026-01-01T00:00:00Z",
  passScore: 6,
  questions: [
    {
      id: "experience",
      text: { en: "How often have you traded leveraged products (CFDs, forex, futures) in the last three years?" },
      options: [
        { id: "never", text: { en: "Never" }, score: 0 },
        { id: "rarely", text: { en: "Fewer than 10 trades" }, score: 1 },
        { id: "regularly", text: { en: "10 trades or more" }, score: 2 },
      ],
    },
    {
      id: "leverage",
      text: { en: "With leverage of 1:30, a price move of 1% against your position changes its value by about:" },
      options: [
        { id: "one", text: { en: "1% of the margin" }, score: 0 },
        { id: "thirty", text: { en: "30% of the margin" }, score: 2 },
        { id: "none", text: { en: "Nothing until the position is closed" }, score: 0 },
      ],
    },
    {
      id: "margin-call",
      text: { en: "What may happen when your equity falls below the required margin?" },
      options: [
        { id: "close", text: { en: "Positions may be closed automatically at a loss" }, score: 2 },
        { id: "wait", text: { en: "Nothing: positions stay open until I close them" }, score: 0 },
        { id: "refund", text: { en: "The broker refunds the loss" }, score: 0 },
      ],
    },
    {
      id: "loss",
      text: { en: "Can you lose more than you expected on a leveraged trade?" },
      options: [
        { id: "yes", text: { en: "Yes, losses can be large and fast" }, score: 2 },
        { id: "no", text: { en: "No, losses are limited to the profit I hoped for" }, score: 0 },
      ],
    },
  ],
};

/** The answers that pass DEFAULT_QUESTIONNAIRE (tests and the demo customer). */
export const PASSING_ANSWERS: Record<string, string> = {
  experience: "regularly",
  leverage: "thirty",
  "margin-call": "close",
  loss: "yes",
};

/** Answers that fail it (score 0). */
export const FAILING_ANSWERS: Record<string, string> = {
  experience: "never",
  leverage: "one",
  "margin-call": "wait",
  loss: "no",
};
