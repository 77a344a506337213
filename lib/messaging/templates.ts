// The messages the portal sends, in French. Rules (SPEC §6): no link of any kind — a message never invites the
// person to click to sign in, it reminds them to type the portal's address themselves; a code is never asked for
// by the Caf; subjects all start with "Mon Compte —" so that a genuine message is easy to recognise.
// SMS stay within one 160-character segment of the GSM 03.38 alphabet (no curly quotes, no ê/â/ô/î/ç).
import type { MethodeConnexion } from "../db/generated/enums";

export type EmailContent = { sujet: string; texte: string; html: string };
export type SmsContent = { texte: string };
export type MessageContent = { email: EmailContent; sms: SmsContent };

export type UsageCode = "confirmation des coordonnées" | "double authentification" | "connexion protégée" | "mot de passe oublié" | "identifiant oublié" | "coordonnées bancaires" | "création de votre espace";

export const SUBJECT_PREFIX = "Mon Compte —";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// GSM 03.38 basic character set (single septet each). Anything else forces UCS-2 and 70-character segments.
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

export function isGsm7(text: string): boolean {
  return [...text].every((c) => GSM7_BASIC.includes(c));
}

/** "12 mars 2026 à 14 h 05" in metropolitan French time, plain spaces only (safe in an SMS). */
export function formatDateHeure(date: Date): string {
  const parts = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")} ${get("month")} ${get("year")} à ${get("hour")} h ${get("minute")}`;
}

const TYPE_THE_ADDRESS =
  "Pour aller sur Mon Compte, tapez vous-même l'adresse du portail dans votre navigateur. Nos messages ne contiennent jamais de lien pour vous connecter : si un message vous en propose un, ne cliquez pas.";
const NO_REPLY = "Ce message est envoyé automatiquement : merci de ne pas y répondre.";
const SIGNATURE = "L'équipe Mon Compte de votre Caf";

export type Block = { kind: "p"; text: string } | { kind: "code"; text: string } | { kind: "warning"; text: string };

/** An e-mail in the portal's layout (greeting, "type the address yourself" reminder, signature): for new templates too. */
export function email(sujet: string, blocks: Block[]): EmailContent {
  const all: Block[] = [{ kind: "p", text: "Bonjour," }, ...blocks, { kind: "p", text: TYPE_THE_ADDRESS }, { kind: "p", text: SIGNATURE }];
  const texte = [...all.map((b) => (b.kind === "code" ? `    ${b.text}` : b.text)), "--", NO_REPLY].join("\n\n") + "\n";
  const font = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#161616";
  const html = [
    "<!DOCTYPE html>",
    '<html lang="fr">',
    `<head><meta charset="utf-8"><title>${escapeHtml(sujet)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f6f6f6">`,
    `<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;${font}">`,
    `<p style="margin:0 0 24px;font-size:20px;font-weight:bold;color:#000091">Mon Compte</p>`,
    ...all.map((b) => {
      if (b.kind === "code") {
        return `<p style="margin:24px 0;font-family:'Courier New',Courier,monospace;font-size:32px;font-weight:bold;letter-spacing:6px;color:#000091">${escapeHtml(b.text)}</p>`;
      }
      if (b.kind === "warning") {
        return `<p style="margin:16px 0;padding:12px 16px;border-left:4px solid #ce0500;background:#ffe9e9">${escapeHtml(b.text)}</p>`;
      }
      return `<p style="margin:16px 0">${escapeHtml(b.text)}</p>`;
    }),
    `<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #dddddd;font-size:13px;color:#666666">${escapeHtml(NO_REPLY)}</p>`,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
  return { sujet: `${SUBJECT_PREFIX} ${sujet}`, texte, html };
}

const USAGES: Record<UsageCode, { but: string; sujet: string; sms: string; siCePasVous: string }> = {
  "confirmation des coordonnées": {
    but: "confirmer vos coordonnées",
    sujet: "code pour confirmer vos coordonnées",
    sms: "confirmer vos coordonnées",
    siCePasVous: "Si vous n'avez rien demandé, ne tenez pas compte de ce message : vos coordonnées ne changeront pas sans ce code.",
  },
  "double authentification": {
    but: "terminer votre connexion",
    sujet: "code pour terminer votre connexion",
    sms: "vous connecter",
    siCePasVous:
      "Si vous n'êtes pas en train de vous connecter, quelqu'un connaît sans doute votre mot de passe : changez-le au plus vite depuis votre espace et prévenez votre Caf.",
  },
  "connexion protégée": {
    but: "vous connecter, en plus de votre mot de passe,",
    sujet: "code pour vous connecter",
    sms: "vous connecter",
    siCePasVous:
      "Si vous n'êtes pas en train de vous connecter, quelqu'un essaie d'entrer dans votre espace : ne donnez ce code à personne, et changez votre mot de passe avec « Mot de passe oublié » si vous avez un doute.",
  },
  "mot de passe oublié": {
    but: "choisir un nouveau mot de passe",
    sujet: "code pour choisir un nouveau mot de passe",
    sms: "changer de mot de passe",
    siCePasVous: "Si vous n'avez rien demandé, ne tenez pas compte de ce message : votre mot de passe actuel reste valable.",
  },
  "coordonnées bancaires": {
    but: "confirmer le changement des coordonnées bancaires du dossier",
    sujet: "code pour changer des coordonnées bancaires",
    sms: "changer des coordonnees bancaires",
    siCePasVous:
      "Si vous n'êtes pas en train de changer des coordonnées bancaires, quelqu'un utilise peut-être votre espace : ne donnez ce code à personne, changez votre mot de passe et prévenez votre Caf.",
  },
  "création de votre espace": {
    but: "confirmer vos coordonnées et créer votre espace",
    sujet: "code pour créer votre espace",
    sms: "creer votre espace",
    siCePasVous: "Si vous n'êtes pas en train de créer un espace Mon Compte, ne tenez pas compte de ce message : sans ce code, rien n'est créé.",
  },
  "identifiant oublié": {
    but: "retrouver votre identifiant",
    sujet: "code pour retrouver votre identifiant",
    sms: "retrouver votre identifiant",
    siCePasVous: "Si vous n'avez rien demandé, ne tenez pas compte de ce message.",
  },
};

export function verificationCode({ code, validiteMinutes, usage }: { code: string; validiteMinutes: number; usage: UsageCode }): MessageContent {
  const u = USAGES[usage];
  return {
    email: email(u.sujet, [
      { kind: "p", text: `Voici le code qui vous permet de ${u.but} sur votre espace Mon Compte :` },
      { kind: "code", text: code },
      { kind: "p", text: `Il est valable ${validiteMinutes} minutes. Saisissez-le sur la page de Mon Compte que vous avez laissée ouverte.` },
      { kind: "warning", text: "Ne communiquez ce code à personne. Aucun agent de la Caf ne vous le demandera, ni par téléphone, ni par message." },
      { kind: "p", text: u.siCePasVous },
    ]),
    sms: {
      texte: `Mon Compte : votre code pour ${u.sms} est ${code}, valable ${validiteMinutes} min. Ne le donnez à personne, la Caf ne le demande jamais.`,
    },
  };
}

export function passwordChanged({ date }: { date: Date }): MessageContent {
  const quand = formatDateHeure(date);
  return {
    email: email("votre mot de passe a été modifié", [
      { kind: "p", text: `Le mot de passe de votre espace Mon Compte a été modifié le ${quand}.` },
      { kind: "p", text: "Si c'est vous, vous n'avez rien à faire." },
      {
        kind: "warning",
        text: "Si ce n'est pas vous, quelqu'un a pu accéder à votre espace : choisissez sans attendre un nouveau mot de passe avec « Mot de passe oublié » sur la page de connexion de Mon Compte, puis prévenez votre Caf.",
      },
    ]),
    sms: {
      texte: `Mon Compte : mot de passe modifié le ${quand}. Si ce n'est pas vous, faites Mot de passe oublié et prévenez votre Caf.`,
    },
  };
}

/**
 * Sent once when many wrong passwords, from anywhere, make an account require a code before its password is checked
 * (lib/auth/login-throttle.ts, per-account counter). No link: it tells what happened and what to do.
 */
export function repeatedLoginFailures({ date }: { date: Date }): MessageContent {
  const quand = formatDateHeure(date);
  return {
    email: email("plusieurs tentatives de connexion à votre compte", [
      { kind: "p", text: `Il y a eu plusieurs tentatives de connexion à votre espace Mon Compte avec un mot de passe erroné, la dernière le ${quand}.` },
      {
        kind: "p",
        text: "Par précaution, votre compte reste ouvert mais, pour un temps, chaque connexion vous demandera en plus un code à 6 chiffres envoyé sur vos coordonnées confirmées.",
      },
      { kind: "p", text: "Si c'est vous, vous n'avez rien à faire." },
      {
        kind: "warning",
        text: "Si ce n'est pas vous, quelqu'un essaie de deviner votre mot de passe : ne donnez jamais vos codes, choisissez un nouveau mot de passe avec « Mot de passe oublié » sur la page de connexion de Mon Compte, et prévenez votre Caf si vous avez un doute.",
      },
    ]),
    sms: { texte: `Mon Compte : plusieurs tentatives de connexion à votre compte, la dernière le ${quand}. Si ce n'est pas vous, ne donnez aucun code.` },
  };
}

/**
 * The identifier reminder. A NIR is never sent whole: the message says the identifier is the social security number
 * of the person's carte Vitale and gives only its last 4 characters; a provisional identifier (not sensitive) is given.
 */
export type IdentifierReminder = { nirFinissantPar: string } | { identifiantProvisoire: string };

export function identifierReminder(reminder: IdentifierReminder): MessageContent {
  const intro = "Vous avez demandé à recevoir votre identifiant de connexion à votre espace Mon Compte.";
  const keep = "Il vous sera demandé à chaque connexion, avec votre mot de passe personnel.";
  const notYou = "Si vous n'avez rien demandé, ne tenez pas compte de ce message : votre espace n'a pas été modifié.";
  if ("nirFinissantPar" in reminder) {
    const end = reminder.nirFinissantPar;
    return {
      email: email("votre identifiant de connexion", [
        { kind: "p", text: `${intro} Votre identifiant est votre numéro de sécurité sociale, celui qui figure sur votre carte Vitale (13 chiffres suivis d'une clé de 2 chiffres).` },
        { kind: "p", text: "Pour vous aider à le reconnaître, ses 4 derniers caractères sont :" },
        { kind: "code", text: end },
        { kind: "p", text: keep },
        { kind: "p", text: notYou },
      ]),
      sms: { texte: `Mon Compte : votre identifiant est le numéro de sécurité sociale de votre carte Vitale (il se termine par ${end}).` },
    };
  }
  const identifiant = reminder.identifiantProvisoire;
  return {
    email: email("votre identifiant de connexion", [
      { kind: "p", text: `${intro} Le voici :` },
      { kind: "code", text: identifiant },
      { kind: "p", text: `Gardez-le précieusement. ${keep}` },
      { kind: "p", text: notYou },
    ]),
    sms: { texte: `Mon Compte : votre identifiant de connexion est ${identifiant}. Gardez-le, il vous sera demandé à chaque connexion.` },
  };
}

const METHODES: Record<MethodeConnexion, { email: string; sms: string }> = {
  MOT_DE_PASSE: { email: "avec votre identifiant et votre mot de passe", sms: "avec votre mot de passe" },
  MOT_DE_PASSE_DOSSIER: { email: "avec votre identifiant et le mot de passe du dossier", sms: "avec le mot de passe du dossier" },
  FRANCECONNECT: { email: "avec FranceConnect", sms: "avec FranceConnect" },
};

export function newConnection({ date, methode }: { date: Date; methode: MethodeConnexion }): MessageContent {
  const quand = formatDateHeure(date);
  const m = METHODES[methode];
  const franceConnect =
    methode === "FRANCECONNECT"
      ? " Changez aussi le mot de passe du compte que vous avez choisi sur FranceConnect (par exemple celui des impôts ou de l'Assurance maladie)."
      : "";
  return {
    email: email("connexion à votre espace", [
      { kind: "p", text: `Une connexion à votre espace Mon Compte, un service public en ligne, a eu lieu le ${quand}, ${m.email}.` },
      { kind: "p", text: "Si c'est vous, vous n'avez rien à faire." },
      {
        kind: "warning",
        text: `Si ce n'est pas vous, changez sans attendre votre mot de passe avec « Mot de passe oublié » sur la page de connexion de Mon Compte, puis prévenez votre Caf.${franceConnect}`,
      },
    ]),
    sms: { texte: `Mon Compte : connexion à votre espace le ${quand}, ${m.sms}. Si ce n'est pas vous, changez votre mot de passe.` },
  };
}

/**
 * Sent at every login through FranceConnect (SPEC §2): a connection to a public service was made with the person's
 * FranceConnect account. If it was not them, the account to secure is the one they use with FranceConnect.
 */
export function franceConnectConnection({ date }: { date: Date }): MessageContent {
  const quand = formatDateHeure(date);
  return {
    email: email("connexion avec FranceConnect", [
      { kind: "p", text: `Une connexion à votre espace Mon Compte, un service public en ligne de la Caf, a eu lieu le ${quand} avec FranceConnect.` },
      { kind: "p", text: "Si c'est vous, vous n'avez rien à faire." },
      {
        kind: "warning",
        text: "Si ce n'est pas vous, quelqu'un a pu utiliser votre compte FranceConnect. Changez sans attendre le mot de passe du compte que vous utilisez avec FranceConnect (celui des impôts, de l'Assurance maladie, de La Poste ou autre), puis prévenez votre Caf.",
      },
    ]),
    sms: { texte: `Mon Compte : connexion avec FranceConnect le ${quand}. Si ce n'est pas vous, changez le mot de passe de ce compte et prevenez la Caf.` },
  };
}

/**
 * To the contact details the dossier held for a person (SPEC §3, la bascule): their personal space was activated.
 * Whoever knows the foyer's dossier password could have done it, so the message says what to do if it was not them.
 * `protege` set: the same news for the tuteur or curateur of a person under a validated protection measure.
 */
export function accountActivated({ date, protege }: { date: Date; protege?: string }): MessageContent {
  const quand = formatDateHeure(date);
  const whose = protege ? `L'espace Mon Compte de ${protege}, que vous représentez au titre de sa mesure de protection,` : "Votre espace Mon Compte";
  return {
    email: email(protege ? "activation de l'espace d'une personne que vous protégez" : "votre espace a été activé", [
      { kind: "p", text: `${whose} a été activé le ${quand}, lors d'une première connexion avec le mot de passe du dossier.` },
      { kind: "p", text: protege ? "Si cette activation était prévue, vous n'avez rien à faire." : "Si c'est vous, vous n'avez rien à faire." },
      {
        kind: "warning",
        text: protege
          ? "Sinon, contactez la Caf sans attendre : elle peut suspendre cet espace et le remettre à zéro."
          : "Si ce n'est pas vous, quelqu'un d'autre a ouvert votre espace : contactez votre Caf sans attendre, elle peut le suspendre et le remettre à zéro.",
      },
    ]),
    sms: {
      texte: protege
        ? `Mon Compte : l'espace d'une personne que vous protegez a ete active le ${quand}. Si ce n'etait pas prevu, contactez la Caf.`
        : `Mon Compte : votre espace a ete active le ${quand}. Si ce n'est pas vous, contactez votre Caf sans attendre.`,
    },
  };
}

/** Same recipients as accountActivated: during that first connection, the délégation de gestion was granted. */
export function delegationGranted({ date, delegataire, protege }: { date: Date; delegataire: string; protege?: string }): MessageContent {
  const quand = formatDateHeure(date);
  const whose = protege ? `du dossier de ${protege}, que vous représentez au titre de sa mesure de protection,` : "de votre dossier";
  return {
    email: email(protege ? "délégation accordée dans l'espace d'une personne que vous protégez" : "délégation de gestion de votre dossier", [
      { kind: "p", text: `Le ${quand}, lors d'une première connexion à Mon Compte, la gestion ${whose} a été déléguée à ${delegataire}.` },
      { kind: "p", text: protege ? "Si cette délégation était prévue, vous n'avez rien à faire." : "Si c'est vous, vous n'avez rien à faire." },
      {
        kind: "warning",
        text: protege
          ? "Sinon, contactez la Caf sans attendre : elle peut retirer cette délégation et suspendre l'espace."
          : "Si ce n'est pas vous, contactez votre Caf sans attendre : elle peut retirer cette délégation et suspendre l'espace.",
      },
    ]),
    sms: {
      texte: protege
        ? `Mon Compte : le ${quand}, la gestion du dossier d'une personne que vous protegez a ete deleguee. Si ce n'etait pas prevu, contactez la Caf.`
        : `Mon Compte : le ${quand}, la gestion de votre dossier a ete deleguee. Si ce n'est pas vous, contactez votre Caf sans attendre.`,
    },
  };
}
