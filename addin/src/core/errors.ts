import { ApiError } from "./api";
import type { Translate } from "./i18n";

/** What to tell a person about a failure: the server's own (localized) words where it gave some. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.kind === "timeout") {
      return t("errorTimeout");
    }
    if (error.kind === "network") {
      return t("errorNetwork");
    }
    if (error.status === 404) {
      return t("errorNotFound");
    }
    if (error.status === 401) {
      return t("errorSignedOut");
    }
    if (error.status >= 500) {
      return t("errorServer");
    }
    const fieldErrors = error.problem?.errors;
    if (fieldErrors && typeof fieldErrors === "object") {
      const first = Object.values(fieldErrors as Record<string, string[]>).flat()[0];
      if (first) {
        return first;
      }
    }
    return error.detail ?? error.title ?? t("errorServer");
  }
  return t("errorServer");
}

/** What happened, as a title: not there (or not yours), offline, signed out, not allowed, the server's fault. */
export function errorTitle(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError) || error.kind !== "http") {
    return error instanceof ApiError ? t("errorTitle") : t("errorTitleServer");
  }
  if (error.status === 404) {
    return t("errorTitleNotFound");
  }
  if (error.status === 401) {
    return t("errorTitleSignedOut");
  }
  if (error.status === 403) {
    return t("errorTitleNotAllowed");
  }
  if (error.status >= 500) {
    return t("errorTitleServer");
  }
  return error.title ?? t("errorTitleRequest");
}
