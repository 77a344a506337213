// The portal's clock for verification codes. In production it is the system clock. In demo mode only, the
// demonstration tool /dev/horloge can stop it at a chosen instant, so that a person trying the demo (and the
// browser tests) can watch a code expire at 10 minutes without waiting; production never reads that setting.
const globalForClock = globalThis as unknown as { monCompteHorlogeFigee?: number };

export function clockNow(): Date {
  const frozen = globalForClock.monCompteHorlogeFigee;
  return new Date(frozen ?? Date.now());
}

/** Demo only (the caller checks the mode): the clock stays at this instant, or runs again with null. */
export function setDemoClock(instant: Date | null): void {
  globalForClock.monCompteHorlogeFigee = instant?.getTime();
}

export function demoClock(): Date | null {
  const frozen = globalForClock.monCompteHorlogeFigee;
  return frozen === undefined ? null : new Date(frozen);
}
