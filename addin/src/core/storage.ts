// Storage can be blocked (private windows, some Office hosts): then the pane simply does not remember.
export function safeStorage<T>(action: () => T): T | null {
  try {
    return action();
  } catch {
    return null;
  }
}
