/** Repository classes by the name work calls them (`repos.notes`), each built from a scope. */
export type RepositoryTable<S> = Record<string, new (scope: S) => object>;

/** The repositories of a table, one instance each. */
export type RepositoriesOf<T extends RepositoryTable<never>> = {
  readonly [K in keyof T]: InstanceType<T[K]>;
};

/**
 * The repositories of `table`, bound to one unit's scope and built lazily: a unit pays only for
 * the repositories it touches, and each is built once.
 */
export function lazyRepositories<S, T extends RepositoryTable<S>>(
  scope: S,
  table: T,
): RepositoriesOf<T> {
  const repos = {} as Record<string, unknown>;
  for (const [name, Repository] of Object.entries(table))
    Object.defineProperty(repos, name, {
      get() {
        const made = new Repository(scope);
        Object.defineProperty(repos, name, { value: made });
        return made;
      },
      configurable: true,
      enumerable: true,
    });
  return repos as RepositoriesOf<T>;
}
