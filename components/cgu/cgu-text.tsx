// The text of a CGU version, rendered from its blocks (never as HTML), inline in the page: never a small scrolling
// box inside the scrolling page (unusable on a phone). Where the person accepts the CGU (the first-connection
// wizard, the new-version page), the text is folded in a native <details> — it opens with one tap, with or without
// JavaScript — next to a link to the /cgu page, which shows the same version in full.
import Link from "next/link";
import { blocksOf } from "@/lib/cgu/cgu-document";
import { formatDateFr } from "@/lib/auth/format-date";

type Props = { texte: string; version: string; dateVersion: Date | null };

function versionLabel({ version, dateVersion }: Pick<Props, "version" | "dateVersion">): string {
  return `version ${version}${dateVersion ? ` du ${formatDateFr(dateVersion)}` : ""}`;
}

function CguBlocks({ texte, version, dateVersion }: Props) {
  const blocks = blocksOf(texte);
  return (
    <>
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
        {versionLabel({ version, dateVersion }).replace(/^v/, "V")}.
      </p>
    </>
  );
}

/** The full text, inline (the /cgu page). */
export function CguText(props: Props) {
  return (
    <section className="fr-mb-3w" aria-labelledby="cgu-titre">
      <CguBlocks {...props} />
    </section>
  );
}

/** The text folded, one tap away, with a link to the page that shows it in full (where the CGU are accepted). */
export function FoldedCguText(props: Props) {
  return (
    <div className="fr-mb-3w">
      <details className="fr-p-2w" style={{ border: "1px solid var(--border-default-grey)" }}>
        <summary className="fr-text--lg fr-mb-0" style={{ cursor: "pointer", minHeight: "2.75rem", paddingBlock: "0.5rem" }}>
          Lire les conditions générales d&apos;utilisation ({versionLabel(props)})
        </summary>
        <div className="fr-mt-2w">
          <CguBlocks {...props} />
        </div>
      </details>
      <p className="fr-mt-2w">
        <Link href="/cgu" className="fr-link">
          Les conditions générales d&apos;utilisation sur une page à part
        </Link>
      </p>
    </div>
  );
}
