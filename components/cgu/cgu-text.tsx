// The text of a CGU version, rendered from its blocks (never as HTML), in a scrollable region that the keyboard
// can reach and scroll.
import { blocksOf } from "@/lib/cgu/cgu-document";
import { formatDateFr } from "@/lib/auth/format-date";

export function CguText({ texte, version, dateVersion }: { texte: string; version: string; dateVersion: Date | null }) {
  const blocks = blocksOf(texte);
  return (
    <section
      className="fr-p-3w fr-mb-3w"
      style={{ maxHeight: "28rem", overflowY: "auto", border: "1px solid var(--border-default-grey)" }}
      tabIndex={0}
      aria-labelledby="cgu-titre"
    >
      {blocks.map((block, index) => {
        switch (block.kind) {
          case "h1":
            return (
              <h3 key={index} id={index === 0 ? "cgu-titre" : undefined}>
                {block.text}
              </h3>
            );
          case "h2":
            return (
              <h4 key={index} className="fr-h6">
                {block.text}
              </h4>
            );
          case "p":
            return <p key={index}>{block.text}</p>;
          case "ul":
            return (
              <ul key={index}>
                {block.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            );
        }
      })}
      <p className="fr-text--sm fr-mb-0">
        Version {version}
        {dateVersion ? ` du ${formatDateFr(dateVersion)}` : ""}.
      </p>
    </section>
  );
}
