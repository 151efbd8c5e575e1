// Initials on a colour picked from the handle, so a client keeps its colour everywhere.

const PALETTE = ["#6e56cf", "#e1306c", "#d97706", "#0d9488", "#2563eb", "#c026d3", "#16a34a", "#dc2626"];

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = [...words[0]][0] ?? "";
  const second = words.length > 1 ? ([...words[words.length - 1]][0] ?? "") : "";
  return (first + second).toUpperCase();
}

function colourFor(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

export function Avatar({ name, seed, large = false }: { name: string; seed: string; large?: boolean }) {
  return (
    <span
      className={large ? "avatar avatar-lg" : "avatar"}
      style={{ background: colourFor(seed) }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
