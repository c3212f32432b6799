// Stands in for node-emoji (its emoji data is ~200 KB) in the bundle: the markdown renderer turns
// :shortcodes: into emoji only with its emoji option, which src/ui/components/markdown.ts turns off.
export const get = () => undefined;
