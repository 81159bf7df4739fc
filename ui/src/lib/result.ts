// Turns command results (and anything a command may throw) into a state a screen can render.

import type { CommandError, ErrorCode } from "../bindings";
import { describeError, errorMessages } from "./errors";
import { locale } from "./locale.svelte";

/** The shape every generated command resolves to (declared here: not every bindings version exports it). */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

export type Loadable<T> =
  | { state: "loading" }
  | { state: "ready"; data: T }
  | { state: "failed"; message: string; code: ErrorCode | null };

function isCommandError(value: unknown): value is CommandError {
  if (typeof value !== "object" || value === null) return false;
  const { code, params, message } = value as { code?: unknown; params?: unknown; message?: unknown };
  return (
    typeof code === "string" &&
    code in errorMessages.ja &&
    typeof params === "object" &&
    params !== null &&
    typeof message === "string"
  );
}

/** What to show the user of anything a command failed with, in the UI's language. */
export function errorMessage(error: unknown): string {
  if (isCommandError(error)) return describeError(error, locale.language);
  // An Error, or an error of a code this UI does not know: its own (English) words.
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === "string") return message;
  if (typeof error === "string") return error;
  // JSON.stringify yields undefined for these (despite its declared type) or throws on bigint.
  if (error === undefined || ["function", "symbol", "bigint"].includes(typeof error)) return String(error);
  try {
    return JSON.stringify(error);
  } catch {
    // A circular value.
    return Object.prototype.toString.call(error);
  }
}

export function failed(error: unknown): Loadable<never> {
  return { state: "failed", message: errorMessage(error), code: isCommandError(error) ? error.code : null };
}

/**
 * Runs a command and never rejects: the generated bindings rethrow real `Error`s
 * (for instance when there is no Tauri runtime), and those become failures too.
 */
export async function load<T>(command: () => Promise<Result<T, CommandError>>): Promise<Loadable<T>> {
  try {
    const result = await command();
    return result.status === "ok" ? { state: "ready", data: result.data } : failed(result.error);
  } catch (error) {
    return failed(error);
  }
}
