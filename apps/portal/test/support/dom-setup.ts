// DOM tests (files that ask for `@vitest-environment jsdom`): jest-dom's matchers
// (toHaveAccessibleDescription ...), a clean document after each test, and a patient
// `findBy*`/`waitFor`: the first render of a screen loads its whole module graph, which on a
// loaded two-core CI machine took longer than Testing Library's default second (a withdrawal
// form test failed there still showing "loading"). A wait that ends early still ends early.
import "@testing-library/jest-dom/vitest";
import { afterEach, beforeAll } from "vitest";

beforeAll(async () => {
  if (typeof document === "undefined") return;
  const { configure } = await import("@testing-library/react");
  configure({ asyncUtilTimeout: 10_000 });
});

afterEach(async () => {
  if (typeof document === "undefined") return;
  const { cleanup } = await import("@testing-library/react");
  cleanup();
});
