package io.blogsearch.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field × fixture exact-match table of the extractor against the real-world theme fixtures:
 * one row per fixture (✓ right, ✗ wrong, · not checked for that kind), totals per field,
 * overall, then every mismatch with what was expected and what came out.
 * Run with {@code scripts/bench-fixtures.sh}.
 */
public final class RealWorldFixturesBenchmark {
  private RealWorldFixturesBenchmark() {}

  public static void main(String[] args) {
    ArticleExtractor extractor = RealWorldFixtures.defaultExtractor();
    List<RealWorldFixtures.Fixture> fixtures = RealWorldFixtures.load();
    int nameWidth = fixtures.stream().mapToInt(f -> f.name().length()).max().orElse(8) + 2;
    Map<String, int[]> totals = new LinkedHashMap<>();
    RealWorldFixtures.FIELDS.forEach(f -> totals.put(f, new int[2]));
    List<String> mismatches = new ArrayList<>();
    int perfect = 0;

    StringBuilder header = new StringBuilder(pad("fixture", nameWidth));
    RealWorldFixtures.FIELDS.forEach(f -> header.append(pad(f, f.length() + 2)));
    System.out.println(header);
    for (RealWorldFixtures.Fixture fixture : fixtures) {
      PageAnalysis analysis = extractor.analyze(fixture.url(), fixture.parse());
      Map<String, RealWorldFixtures.Check> byField = new LinkedHashMap<>();
      RealWorldFixtures.check(fixture, analysis).forEach(c -> byField.put(c.field(), c));
      StringBuilder row = new StringBuilder(pad(fixture.name(), nameWidth));
      boolean allOk = true;
      List<String> unchecked = new ArrayList<>();
      for (String field : RealWorldFixtures.FIELDS) {
        RealWorldFixtures.Check c = byField.get(field);
        String mark = c == null ? "·" : c.ok() ? "✓" : "✗";
        row.append(pad(mark, field.length() + 2));
        if (c != null) {
          totals.get(field)[1]++;
          if (c.ok()) {
            totals.get(field)[0]++;
          } else if (c.got().equals(RealWorldFixtures.noArticle(analysis))) {
            allOk = false;
            unchecked.add(field);
          } else {
            allOk = false;
            mismatches.add(fixture.name() + " " + field + "\n    expected: " + c.expected() + "\n    got:      " + c.got());
          }
        }
      }
      if (!unchecked.isEmpty()) {
        mismatches.add(fixture.name() + " " + RealWorldFixtures.noArticle(analysis) + ", so wrong: "
            + String.join(", ", unchecked));
      }
      if (allOk) {
        perfect++;
      }
      System.out.println(row);
    }

    int ok = 0;
    int all = 0;
    System.out.println();
    System.out.println("Per field:");
    for (Map.Entry<String, int[]> t : totals.entrySet()) {
      System.out.printf("  %-11s %d/%d%n", t.getKey(), t.getValue()[0], t.getValue()[1]);
      ok += t.getValue()[0];
      all += t.getValue()[1];
    }
    System.out.printf("Overall: %d/%d field checks (%.1f%%), %d/%d fixtures fully right%n",
        ok, all, all == 0 ? 0.0 : 100.0 * ok / all, perfect, fixtures.size());
    System.out.println();
    System.out.println("Mismatches:");
    mismatches.forEach(m -> System.out.println("  " + m));
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }
}
