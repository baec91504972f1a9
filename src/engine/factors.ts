// SEND.FACTORS(): the key catalogue as a table.
import { KEY_CATALOGUE } from "./keys";

export function factorsTable(): string[][] {
  return [
    ["Key", "Description", "Unit", "Applies to"],
    ...KEY_CATALOGUE.map((k) => [k.key, k.description, k.unit, k.appliesTo]),
  ];
}
