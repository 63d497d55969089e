// Per-subscriber values as {{name}} placeholders: the build renders each template with these in place of real values.

/** Props of a template whose every value is a per-subscriber string named in `Names`. */
export type PlaceholderProps<Names extends readonly string[]> = Record<Names[number], string>;

/** The placeholder text for one name: `{{name}}`, the form `fillTemplate` replaces. */
export function placeholder(name: string): string {
  return `{{${name}}}`;
}

/** Props that carry `{{name}}` for every name, so rendering leaves a placeholder where each value goes. */
export function placeholderProps<const Names extends readonly string[]>(names: Names): PlaceholderProps<Names> {
  return Object.fromEntries(names.map((name) => [name, placeholder(name)])) as PlaceholderProps<Names>;
}
