/**
 * A service of a stand-in by its ARN or its name, for the sim's handle and control API (not an
 * AWS answer: a test that names a service the fixture lacks is wrong, so it throws plainly).
 */
export function byArnOrName<S extends { name: string }>(
  services: ReadonlyMap<string, S>,
  arnOrName: string,
  what: string,
): S {
  const found = services.get(arnOrName) ?? [...services.values()].find((s) => s.name === arnOrName);
  if (!found) throw new Error(`sim: no ${what} ${arnOrName}`);
  return found;
}
