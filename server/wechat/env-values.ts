// Reading configuration from the environment, shared by WeChat's and WeChat Pay's settings: an empty variable is
// an unset one, and a secret comes from its variable or from the file its `_FILE` variable names (a mounted secret).
// Problems name the variable, never the value.

export type EnvValue = (name: string) => string | undefined;
export type ReadFile = (file: string) => string;

export function envValues(env: NodeJS.ProcessEnv): EnvValue {
  return (name) => (env[name] === '' ? undefined : env[name]);
}

/** `name`'s value, else the trimmed text of the file `${name}_FILE` names; a problem when neither gives one. */
export function readSecret(
  value: EnvValue,
  read: ReadFile,
  name: string,
  required: string,
  problems: string[],
): string | undefined {
  const inline = value(name);
  if (inline !== undefined) return inline;
  const file = value(`${name}_FILE`);
  if (file === undefined) {
    problems.push(`${name} (or ${name}_FILE) is required: ${required}`);
    return undefined;
  }
  try {
    return read(file).trim();
  } catch {
    problems.push(`${name}_FILE must name a readable file`);
    return undefined;
  }
}
