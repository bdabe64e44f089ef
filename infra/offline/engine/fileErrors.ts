/** What went wrong reading a file, in words (a bare `ENOENT` tells a user nothing). */
export function describeFileError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file (check the path; relative paths start from the current directory)";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory, not a file";
    default:
      return code ? `${code} (${(err as Error).message})` : String(err);
  }
}
