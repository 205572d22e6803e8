package dk.barometer.weighting;

import java.util.List;

/** A classification cell: one category per raking margin, and the summed design weight of its respondents. */
public record Cell(List<String> categories, double weight) {
  public Cell {
    categories = List.copyOf(categories);
  }
}
