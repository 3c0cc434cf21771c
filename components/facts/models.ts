/**
 * Built-in catalog of current Azure OpenAI models (model.format `OpenAI`).
 * Source: https://learn.microsoft.com/azure/ai-services/openai/concepts/models (models, versions, regions). New models ship monthly, so a
 * model or version missing here is a warning in validation, never an error.
 */
import type { PtuSizeClass } from "./skus";

export type ModelPurpose = "chat" | "embeddings";

export interface CatalogModel {
  name: string;
  versions: readonly string[];
  purpose: ModelPurpose;
  /** Regional provisioned minimum/step class: mini and nano models are "small". */
  ptuSizeClass: PtuSizeClass;
}

const chat = (name: string, versions: string[], ptuSizeClass: PtuSizeClass = "large"): CatalogModel => ({
  name,
  versions,
  purpose: "chat",
  ptuSizeClass,
});
const embeddings = (name: string, versions: string[]): CatalogModel => ({
  name,
  versions,
  purpose: "embeddings",
  ptuSizeClass: "large",
});

export const MODEL_CATALOG: readonly CatalogModel[] = [
  chat("gpt-5.5", ["2026-04-24"]),
  chat("gpt-5.4", ["2026-03-05"]),
  chat("gpt-5", ["2025-08-07"]),
  chat("gpt-5-mini", ["2025-08-07"], "small"),
  chat("gpt-5-nano", ["2025-08-07"], "small"),
  chat("gpt-4.1", ["2025-04-14"]),
  chat("gpt-4.1-mini", ["2025-04-14"], "small"),
  chat("gpt-4.1-nano", ["2025-04-14"], "small"),
  chat("o3", ["2025-04-16"]),
  chat("o4-mini", ["2025-04-16"], "small"),
  chat("o3-mini", ["2025-01-31"], "small"),
  chat("gpt-4o", ["2024-11-20", "2024-08-06"]),
  chat("gpt-4o-mini", ["2024-07-18"], "small"),
  embeddings("text-embedding-3-small", ["1"]),
  embeddings("text-embedding-3-large", ["1"]),
  embeddings("text-embedding-ada-002", ["2"]),
];

export function findCatalogModel(format: string, name: string): CatalogModel | undefined {
  if (format !== "OpenAI") return undefined;
  return MODEL_CATALOG.find((model) => model.name === name);
}

/** Size class for PTU minimums; unknown models are guessed from their name. */
export function ptuSizeClassOf(format: string, name: string): PtuSizeClass {
  const known = findCatalogModel(format, name);
  if (known) return known.ptuSizeClass;
  return /-(mini|nano)\b/.test(name) ? "small" : "large";
}
