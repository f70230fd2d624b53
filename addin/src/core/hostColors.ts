// The host's colors as Office.js gives them (Outlook's or Word's dark mode, say). Apart from theme.ts, which needs
// Fluent UI's themes, so that the small entry scripts that read the host do not load those.

export interface HostColors {
  background: string;
  foreground: string;
  isDark: boolean;
}

/** The part of Office.context.officeTheme the panes use; the same object in Outlook and Word. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** The host's colors, or null when it gave none (officeTheme is missing on some clients). */
export function hostColors(theme: OfficeThemeColors | null | undefined): HostColors | null {
  if (!theme?.bodyBackgroundColor || !theme.bodyForegroundColor) {
    return null;
  }
  const isDark = theme.isDarkTheme ?? luminance(theme.bodyBackgroundColor) < 0.4;
  return { background: theme.bodyBackgroundColor, foreground: theme.bodyForegroundColor, isDark };
}

function luminance(hex: string): number {
  const value = /^#?([0-9a-f]{6})$/i.exec(hex.trim())?.[1];
  if (!value) {
    return 1;
  }
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
