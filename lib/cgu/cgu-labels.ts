// Words of the CGU screens shared by the server action and the form (kept apart so the form's bundle stays small).

/** The acceptance box of the CGU screens. */
export const CGU_CHECKBOX_LABEL = "J'ai lu et j'accepte les conditions générales d'utilisation";

/** The one field of the acceptance form that can be in error. */
export type CguField = "accepte";
