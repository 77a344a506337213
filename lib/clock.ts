// The portal's clock for verification codes. In production it is the system clock. In demo mode only, the
// demonstration tool /dev/horloge can move it forward, so that a person trying the demo (and the browser tests)
// can watch a code expire without waiting ten minutes; production ignores any shift.
const globalForClock = globalThis as unknown as { monCompteDecalageHorlogeMs?: number };

export function clockNow(): Date {
  return new Date(Date.now() + (globalForClock.monCompteDecalageHorlogeMs ?? 0));
}

/** Demo only (the caller checks the mode): shifts the clock by this many milliseconds from the real time. */
export function setDemoClockShift(ms: number): void {
  globalForClock.monCompteDecalageHorlogeMs = ms;
}

export function demoClockShift(): number {
  return globalForClock.monCompteDecalageHorlogeMs ?? 0;
}
