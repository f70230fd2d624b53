// Follows the Office theme where the host gives one (Outlook's or Word's dark mode, say); the system's otherwise.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { HostColors } from "./hostColors";

export function themeFor(host: HostColors | null, prefersDark: boolean): Theme {
  if (!host) {
    return prefersDark ? webDarkTheme : webLightTheme;
  }
  const base = host.isDark ? webDarkTheme : webLightTheme;
  return { ...base, colorNeutralBackground1: host.background, colorNeutralForeground1: host.foreground };
}
