// Which connection the tableau de bord names as "Dernière connexion": the one before this session, never this one;
// and none at all when this session is the person's first connection (the account was activated during it, by the
// first-connection wizard). An earlier, unfinished try at the first connection is not a connection to warn about.

export type PreviousConnectionInput = {
  /** The account's last connection as it stood when this session opened (session claim, milliseconds). */
  connexionPrecedente: number | null;
  /** When this session was authenticated (session claim, seconds). */
  authentifieA: number;
  /** When the account was activated (end of the first-connection wizard), if it is. */
  activeLe: Date | null;
};

export function previousConnectionToShow({ connexionPrecedente, authentifieA, activeLe }: PreviousConnectionInput): Date | null {
  if (connexionPrecedente === null) return null;
  const sessionStart = authentifieA * 1000;
  // Activated during this session: this is the first connection, whatever tries came before.
  if (activeLe && activeLe.getTime() >= sessionStart) return null;
  if (connexionPrecedente >= sessionStart) return null;
  return new Date(connexionPrecedente);
}
