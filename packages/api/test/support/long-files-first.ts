import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The property tests run for minutes; started last (the default order on a fresh clone puts
 * small files last) they ran alone at the end of the suite. Started first, the other files
 * run beside them.
 */
export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (file: TestSpecification) => /\.property\.test\.ts$|conversion\.test\.ts$/.test(file.moduleId);
    return [...sorted.filter(long), ...sorted.filter((file) => !long(file))];
  }
}
