// Demo only: moves the clock of the verification codes forward (lib/clock.ts), so that a code can be seen to expire
// without waiting. POST {"decalageSecondes": 601}; {"decalageSecondes": 0} puts it back. Does not exist in production.
import { NextResponse } from "next/server";
import { z } from "zod";
import { demoClockShift, setDemoClockShift } from "@/lib/clock";
import { appConfig } from "@/lib/config/app-config";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  decalageSecondes: z.number({ error: "decalageSecondes doit être un nombre de secondes." }).int().min(0).max(7 * 24 * 3600),
});

const notFound = () => new NextResponse("Introuvable", { status: 404 });

export function GET() {
  if (appConfig().mode !== "demo") return notFound();
  return NextResponse.json({ decalageSecondes: demoClockShift() / 1000 });
}

export async function POST(request: Request) {
  if (appConfig().mode !== "demo") return notFound();
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ erreur: parsed.error.issues[0]!.message }, { status: 400 });
  setDemoClockShift(parsed.data.decalageSecondes * 1000);
  return NextResponse.json({ decalageSecondes: parsed.data.decalageSecondes });
}
