import type { Metadata } from "next";
import { formatNir } from "@/lib/identity/nir";
import { CreationFrame } from "../_components/frame";
import { NumeroForm } from "../_components/numero-form";
import { openDraftStep } from "../_lib/draft-session";

export const metadata: Metadata = { title: "Créer mon espace — numéro de sécurité sociale" };

export default async function NumeroPage() {
  const { brouillon } = await openDraftStep("numero");
  const n = brouillon.numero;
  return (
    <CreationFrame etape="numero">
      <p>
        Avec votre numéro de sécurité sociale, vous vous connecterez avec lui. Il doit correspondre à votre identité (sexe, année et
        mois, lieu de naissance) : sinon, ou si vous n&apos;en avez pas, vous recevrez un identifiant provisoire, et la Caf
        enregistrera votre numéro plus tard.
      </p>
      <NumeroForm defaults={{ aUnNir: n ? (n.aUnNir ? "oui" : "non") : "", nir: n?.aUnNir ? formatNir(n.nir) : "" }} />
    </CreationFrame>
  );
}
