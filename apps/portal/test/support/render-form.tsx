// Rendering a portal form in a DOM (jsdom) the way the browser gets it: the English
// catalog, a react-query client and a tRPC client whose link answers from a script
// (the calls are recorded) instead of the network.
import type { AppRouter } from "@brokerage/api";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { TRPCProvider } from "~/trpc/react";
import messages from "../../messages/en";

export interface Call {
  path: string;
  input: unknown;
}

/** An answer of the scripted server: a value, or a refusal as the router formats it. */
export type Answer = { value: unknown; after?: Promise<unknown> } | { refusal: { appCode: string; httpStatus: number; fieldCodes?: Record<string, string[]>; details?: Record<string, unknown> } };

export function refusal(appCode: string, httpStatus: number, extra: { fieldCodes?: Record<string, string[]>; details?: Record<string, unknown> } = {}): Answer {
  return { refusal: { appCode, httpStatus, ...extra } };
}

export function renderWithServer(ui: ReactNode, answers: Answer[]) {
  const calls: Call[] = [];
  const link: TRPCLink<AppRouter> = () => ({ op }) =>
    observable((observer) => {
      calls.push({ path: op.path, input: op.input });
      const answer = answers.shift();
      if (!answer) {
        observer.error(new TRPCClientError("no scripted answer"));
      } else if ("value" in answer) {
        void Promise.resolve(answer.after).then(() => {
          observer.next({ result: { type: "data", data: answer.value } });
          observer.complete();
        });
      } else {
        const { fieldCodes, details, ...rest } = answer.refusal;
        const fieldErrors = fieldCodes ? Object.fromEntries(Object.keys(fieldCodes).map((f) => [f, ["English the screen must not show"]])) : null;
        observer.error(
          TRPCClientError.from({
            error: { message: "English the screen must not show", code: -32600, data: { ...rest, fieldErrors, fieldCodes: fieldCodes ?? null, details: details ?? null } },
          }),
        );
      }
      return () => {};
    });
  const trpcClient = createTRPCClient<AppRouter>({ links: [link] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = render(
    <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {ui}
        </TRPCProvider>
      </QueryClientProvider>
    </NextIntlClientProvider>,
  );
  return { ...view, calls };
}
