// The few pages of the local FranceConnect stand-in: choosing an identity, "Continuer sur le portail", logging
// out, and errors. Plain HTML that works without JavaScript and loads nothing from anywhere: the stand-in is a
// test double, but a person trying the demo uses it, so it is in French and accessible.
import type { StandinIdentity } from "./identities";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.5;color:#161616;background:#f6f6f6}
header{background:#000091;color:#fff;padding:1rem 1.5rem}
header p{margin:0;font-weight:bold;font-size:1.25rem}
header small{display:block;font-weight:normal;font-size:.875rem}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff}
h1{font-size:1.75rem;margin-top:0}
fieldset{border:0;padding:0;margin:0 0 1.5rem}
legend{font-weight:bold;margin-bottom:.5rem}
.choix{display:block;padding:.75rem;border:1px solid #929292;margin-bottom:.5rem}
.choix input{margin-right:.5rem}
button{font:inherit;font-weight:bold;padding:.5rem 1.5rem;border:2px solid #000091;cursor:pointer}
.principal{background:#000091;color:#fff}
.secondaire{background:#fff;color:#000091}
button:focus,input:focus{outline:3px solid #0a76f6;outline-offset:2px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:bold}
dd{margin:0}
.avertissement{border-left:4px solid #b34000;background:#fff4ed;padding:.75rem 1rem}
`;

function page(title: string, body: string): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="fr">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} — FranceConnect (simulateur local)</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    '<header><p>FranceConnect <small>Simulateur local pour la démonstration et les tests : identités fictives uniquement</small></p></header>',
    `<main>${body}</main>`,
    "</body>",
    "</html>",
  ].join("\n");
}

export function identityChoicePage({ action, abortAction, identities, clientName }: { action: string; abortAction: string; identities: readonly StandinIdentity[]; clientName: string }): string {
  const choices = identities
    .map(
      (identity, index) =>
        `<label class="choix" for="identite-${index}"><input type="radio" id="identite-${index}" name="login" value="${escapeHtml(identity.login)}"${index === 0 ? " required" : ""}>` +
        `${escapeHtml(identity.given_name)} ${escapeHtml(identity.family_name)}, né(e) le ${escapeHtml(frenchDate(identity.birthdate))} (compte « ${escapeHtml(identity.login)} »)</label>`,
    )
    .join("\n");
  return page(
    "Choisir un compte",
    `<h1>Je choisis un compte pour me connecter</h1>
<p>${escapeHtml(clientName)} vous demande de vous identifier. Sur le vrai FranceConnect, vous choisiriez un compte que vous avez déjà (impôts, Assurance maladie, La Poste…) et vous vous y connecteriez. Ici, choisissez simplement une identité fictive.</p>
<form method="post" action="${escapeHtml(action)}">
<fieldset>
<legend>Identité fictive</legend>
${choices}
</fieldset>
<button type="submit" class="principal">Me connecter</button>
</form>
<form method="post" action="${escapeHtml(abortAction)}"><p><button type="submit" class="secondaire">Annuler et revenir sur le portail</button></p></form>`,
  );
}

export function continuePage({ action, identity, clientName }: { action: string; identity: StandinIdentity; clientName: string }): string {
  const rows: [string, string][] = [
    ["Prénom(s)", identity.given_name],
    ["Nom de naissance", identity.family_name],
    ...(identity.preferred_username ? ([["Nom d'usage", identity.preferred_username]] as [string, string][]) : []),
    ["Sexe", identity.gender === "female" ? "Féminin" : "Masculin"],
    ["Date de naissance", frenchDate(identity.birthdate)],
    ["Lieu de naissance", identity.birthcountry === "99100" ? `commune ${identity.birthplace} (France)` : `à l'étranger (pays ${identity.birthcountry})`],
  ];
  return page(
    "Continuer sur le portail",
    `<h1>Bonjour ${escapeHtml(identity.given_name)} ${escapeHtml(identity.family_name)}</h1>
<p>Vous êtes connecté(e) à FranceConnect. Les informations suivantes vont être transmises à ${escapeHtml(clientName)} :</p>
<dl>${rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join("")}</dl>
<form method="post" action="${escapeHtml(action)}">
<button type="submit" class="principal">Continuer sur le portail</button>
</form>`,
  );
}

/** The end_session confirmation. `form` is oidc-provider's hidden form (id "op.logoutForm", with its xsrf token). */
export function logoutPage(form: string): string {
  return page(
    "Déconnexion",
    `<h1>Se déconnecter de FranceConnect</h1>
<p>Vous vous êtes déconnecté(e) du portail. Terminez aussi votre session FranceConnect pour qu'une autre personne utilisant cet appareil ne puisse pas s'en servir.</p>
${form}
<p><button type="submit" form="op.logoutForm" name="logout" value="yes" class="principal" autofocus>Me déconnecter de FranceConnect</button></p>`,
  );
}

export function loggedOutPage(): string {
  return page("Déconnecté", `<h1>Vous êtes déconnecté(e) de FranceConnect</h1><p>Vous pouvez fermer cette page.</p>`);
}

export function errorPage(message: string): string {
  return page("Erreur", `<h1>La connexion n'a pas pu se faire</h1><p class="avertissement">${escapeHtml(message)}</p>`);
}

function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}
