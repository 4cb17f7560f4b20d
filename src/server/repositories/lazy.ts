/** Repository classes by the name work calls them (`repos.notes`), each built from a scope. */
export type RepositoryTable<S> = Record<string, new (scope: S) => object>;

/** The repositories of a table, one instance each. */
export type RepositoriesOf<T extends RepositoryTable<never>> = {
  readonly [K in keyof T]: InstanceType<T[K]>;
};

const SCOPE = Symbol("scope");
const MADE = Symbol("made");
interface Lazy {
  [SCOPE]: unknown;
  [MADE]: Map<string, object>;
}

/** One prototype per table, built once: each getter builds its repository on first use. */
const prototypes = new WeakMap<object, object>();
function prototypeOf(table: RepositoryTable<never>): object {
  let proto = prototypes.get(table);
  if (proto) return proto;
  proto = {};
  for (const [name, Repository] of Object.entries(table))
    Object.defineProperty(proto, name, {
      get(this: Lazy) {
        let made = this[MADE].get(name);
        if (!made) {
          made = new Repository(this[SCOPE] as never);
          this[MADE].set(name, made);
        }
        return made;
      },
      enumerable: true,
    });
  prototypes.set(table, proto);
  return proto;
}

/**
 * The repositories of `table`, bound to one unit's scope and built lazily: a unit pays only for
 * the repositories it touches, and each is built once. The getters live on a prototype made
 * once per table, so opening a unit costs one small object, not a property per repository.
 */
export function lazyRepositories<S, T extends RepositoryTable<S>>(
  scope: S,
  table: T,
): RepositoriesOf<T> {
  const repos = Object.create(prototypeOf(table as RepositoryTable<never>)) as Lazy;
  repos[SCOPE] = scope;
  repos[MADE] = new Map();
  return repos as unknown as RepositoriesOf<T>;
}
