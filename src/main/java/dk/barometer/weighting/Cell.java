package dk.barometer.weighting;

import java.util.List;

/**
 * A weighting cell: one category per raking margin (after collapsing) followed by the sampling stratum, the number
 * of respondents in it and their summed design weight. Every respondent of a cell ends with the same weight.
 */
public record Cell(List<String> categories, long units, double weight) {
  public Cell {
    categories = List.copyOf(categories);
  }
}
