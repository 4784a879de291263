// Rendering the money screens in jsdom: like support/render-form, but the scripted server
// answers by procedure (queries and mutations interleave), each path's answers in order.
import type { AppRouter } from "@brokerage/api";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { Suspense, type ReactNode } from "react";
import { TRPCProvider } from "~/trpc/react";
import messages from "../../messages/en";
import type { Answer, Call } from "../support/render-form";

export { refusal } from "../support/render-form";

/** `answers[path]`: the answers of that procedure, in order; the last one repeats (queries refetch). */
export function renderMoney(ui: ReactNode, answers: Record<string, Answer[]>) {
  const calls: Call[] = [];
  const link: TRPCLink<AppRouter> = () => ({ op }) =>
    observable((observer) => {
      calls.push({ path: op.path, input: op.input });
      const queue = answers[op.path] ?? [];
      const answer = queue.length > 1 ? queue.shift() : queue[0];
      if (!answer) {
        observer.error(new TRPCClientError(`no scripted answer for ${op.path}`));
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
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } } });
  const view = render(
    <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <Suspense fallback={<p>loading</p>}>{ui}</Suspense>
        </TRPCProvider>
      </QueryClientProvider>
    </NextIntlClientProvider>,
  );
  return { ...view, calls, queryClient };
}

/** The calls to one procedure. */
export const callsTo = (calls: Call[], path: string) => calls.filter((c) => c.path === path);
