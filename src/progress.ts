/**
 * What a long job of the core reports as it goes, for any front end to show (the CLI's progress line, the server's
 * events): the stage as given (front ends name it in the user's language), items done of total, pages read so far
 * and the current file.
 */
export interface ProgressState<Stage extends string = string> {
  stage: Stage;
  done: number;
  total: number;
  pages?: number;
  file?: string;
}
