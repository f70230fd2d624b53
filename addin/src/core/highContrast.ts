// Fluent's high-contrast theme, in a chunk of its own: few people need it, and it is not light.
export { teamsHighContrastTheme as highContrastTheme } from "@fluentui/react-components";
