// Demo only: stops the clock of the verification codes at a chosen instant (lib/clock.ts), so that a code can be
// seen to expire without waiting. POST {"figeeA": "2026-11-25T10:00:00Z"}; {"figeeA": null} lets it run again.
// Does not exist in production, nor for a client that is not on this machine.
import { NextResponse } from "next/server";
import { z } from "zod";
import { demoClock, setDemoClock } from "@/lib/clock";
import { demoToolsOpen } from "@/lib/demo/demo-tools";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  figeeA: z.iso.datetime({ error: "figeeA est un instant ISO 8601 (par exemple 2026-11-25T10:00:00Z) ou null." }).nullable(),
});

const notFound = () => new NextResponse("Introuvable", { status: 404 });

export async function GET() {
  if (!(await demoToolsOpen())) return notFound();
  return NextResponse.json({ figeeA: demoClock()?.toISOString() ?? null });
}

export async function POST(request: Request) {
  if (!(await demoToolsOpen())) return notFound();
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ erreur: parsed.error.issues[0]!.message }, { status: 400 });
  setDemoClock(parsed.data.figeeA === null ? null : new Date(parsed.data.figeeA));
  return NextResponse.json({ figeeA: parsed.data.figeeA });
}
