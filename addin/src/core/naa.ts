// Nested App Authentication: Office (the host) brokers the token for the signed-in user, so there is no
// sign-in page in the common case. Silent first; a popup only when the user has to consent or sign in.
import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { TokenSource } from "./auth";

export async function createNaaTokenSource(clientId: string, authority: string, scope: string): Promise<TokenSource> {
  const pca: IPublicClientApplication = await createNestablePublicClientApplication({
    auth: { clientId, authority },
    cache: { cacheLocation: "localStorage" },
  });
  const scopes = [scope];
  return async (refresh) => {
    try {
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      const result = await pca.acquireTokenSilent({ scopes, forceRefresh: refresh, ...(account ? { account } : {}) });
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) {
        throw error;
      }
      const result = await pca.acquireTokenPopup({ scopes });
      pca.setActiveAccount(result.account);
      return result.accessToken;
    }
  };
}
