// Place funding (High needs): Special/AP Places × rate; Resource Base occupied and unoccupied places at
// their own rates; FE Places × place.fe. Place funding is guaranteed: it is paid for empty places too.
import { ZERO, type Dec } from "../money";
import type { Ctx, ComponentRule } from "./context";

function places(ctx: Ctx, count: Dec, key: string, what: string): Dec {
  if (count.isZero()) return ZERO;
  const rate = ctx.need(key, `place funding (${what} = ${count})`);
  const amount = count.times(rate.value);
  ctx.line("Place funding", `${what} × ${key}`, amount, { key, from: rate.from, rate: rate.value, count });
  return amount;
}

export const placeFunding: ComponentRule = (ctx) => {
  const { inst } = ctx;
  switch (inst.phase) {
    case "Special": return places(ctx, inst.places, "place.special", "Places");
    case "AP": return places(ctx, inst.places, "place.ap", "Places");
    case "FE": return places(ctx, inst.places, "place.fe", "Places");
    case "Resource Base":
      return places(ctx, inst.occupied, "place.rb.occupied", "Occupied places")
        .plus(places(ctx, inst.places.minus(inst.occupied), "place.rb.unoccupied", "Unoccupied places (Places − Occupied)"));
    default: return ZERO;
  }
};
