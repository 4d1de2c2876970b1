/** Typed errors with a Thai and English message; front ends map them to exit codes and messages in one place. */
export const EXIT = { ok: 0, problems: 1, unreadable: 2, usage: 64 } as const;

/** A user-facing failure: a message in Thai and English naming the file and the reason. */
export class SamruatError extends Error {
  constructor(
    readonly code: string,
    readonly messageTh: string,
    readonly messageEn: string,
    readonly exitCode: number = EXIT.unreadable,
    readonly file?: string,
  ) {
    super(messageEn);
    this.name = "SamruatError";
  }
}

export class UsageError extends SamruatError {
  constructor(messageTh: string, messageEn: string) {
    super("usage", messageTh, messageEn, EXIT.usage);
    this.name = "UsageError";
  }
}

/** An input file samruat cannot use (exit 2), named in the message. */
export function unreadableInput(file: string, messageTh: string, messageEn: string): SamruatError {
  return new SamruatError("unreadable", messageTh, messageEn, EXIT.unreadable, file);
}
