package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Map;

/**
 * The second state of a group's items, drawn only among items not in the first state (value loss among areas
 * without value creation): a latent "at least one" ({@code any}), the items' probabilities given it, and the answer
 * codes of an item in this state.
 */
public record OppositeState(ChanceModel any, ItemChances items, Map<Integer, Double> codes) {
  public OppositeState {
    checkArgument(any != null && items != null, "An opposite state needs 'any' and 'items'");
    codes = CodeShares.check("opposite codes", codes);
  }
}
