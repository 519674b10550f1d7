/** Where a CLI command writes: stdout carries results, stderr carries logs and errors. */
export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export const processIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/** A command's failure the user can act on: printed as one line, no stack trace. */
export class UsageError extends Error {}
