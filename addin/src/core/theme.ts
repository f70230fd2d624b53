// Follows the Office theme where the host gives one (Outlook's dark mode, say); the system's otherwise.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export interface HostColors {
  background: string;
  foreground: string;
  isDark: boolean;
}

export function themeFor(host: HostColors | null, prefersDark: boolean): Theme {
  if (!host) {
    return prefersDark ? webDarkTheme : webLightTheme;
  }
  const base = host.isDark ? webDarkTheme : webLightTheme;
  return { ...base, colorNeutralBackground1: host.background, colorNeutralForeground1: host.foreground };
}
