// Follows the Office theme where the host gives one (Outlook's or Word's dark mode, say), the system's otherwise, and
// the system's high contrast (forced colours) always: then the colours are the person's, not ours.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { HostColors } from "./hostColors";

export interface SystemColors {
  prefersDark: boolean;
  forcedColors: boolean;
}

/** The pane's theme; `highContrast` is Fluent's high-contrast theme once loaded (see useTheme). */
export function themeFor(host: HostColors | null, system: SystemColors, highContrast: Theme | null = null): Theme {
  if (system.forcedColors && highContrast) {
    return highContrast;
  }
  if (!host) {
    return system.prefersDark ? webDarkTheme : webLightTheme;
  }
  const base = host.isDark ? webDarkTheme : webLightTheme;
  return { ...base, colorNeutralBackground1: host.background, colorNeutralForeground1: host.foreground };
}

const queries = { prefersDark: "(prefers-color-scheme: dark)", forcedColors: "(forced-colors: active)" } as const;

/**
 * The pane's theme for the host's colours and the system's preferences, following changes while the pane is open (the
 * person may switch high contrast on). The high-contrast theme is loaded when it is needed; until then the browser's
 * forced colours already apply.
 */
export function useTheme(host: HostColors | null): Theme {
  const system = useSystemColors();
  const [highContrast, setHighContrast] = useState<Theme | null>(null);
  useEffect(() => {
    if (system.forcedColors && !highContrast) {
      void import("./highContrast").then((m) => setHighContrast(m.highContrastTheme));
    }
  }, [system.forcedColors, highContrast]);
  return themeFor(host, system, highContrast);
}

function useSystemColors(): SystemColors {
  const read = (): SystemColors => ({
    prefersDark: window.matchMedia?.(queries.prefersDark).matches ?? false,
    forcedColors: window.matchMedia?.(queries.forcedColors).matches ?? false,
  });
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const lists = Object.values(queries).map((q) => window.matchMedia?.(q)).filter((l): l is MediaQueryList => !!l);
    const changed = () => setColors(read());
    lists.forEach((l) => l.addEventListener("change", changed));
    return () => lists.forEach((l) => l.removeEventListener("change", changed));
  }, []);
  return colors;
}
