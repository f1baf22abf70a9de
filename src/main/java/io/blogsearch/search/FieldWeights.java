package io.blogsearch.search;

import io.blogsearch.index.IndexSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much a match in each field counts, and how per-field scores of one clause combine
 * ({@code tieBreaker} 0 = best field only, 1 = sum of fields).
 *
 * @param title weight of the title
 * @param tag weight of tags
 * @param category weight of categories
 * @param author weight of the author name
 * @param body weight of the body
 * @param comments weight of reader comments
 * @param tieBreaker DisjunctionMax tie breaker
 */
public record FieldWeights(double title, double tag, double category, double author, double body,
    double comments, double tieBreaker) {

  /** Weights chosen by known-item tuning on the Handbook (scripts/tune-relevance.sh; README, Relevance). */
  public static FieldWeights defaults() {
    return new FieldWeights(2.0, 2.0, 1.5, 1.0, 1.0, 0.25, 0.3);
  }

  /** Field → weight for free-text clauses, in a stable order. */
  public Map<String, Float> byField() {
    Map<String, Float> m = new LinkedHashMap<>();
    m.put(IndexSchema.TITLE, (float) title);
    m.put(IndexSchema.TAG, (float) tag);
    m.put(IndexSchema.CATEGORY, (float) category);
    m.put(IndexSchema.AUTHOR, (float) author);
    m.put(IndexSchema.BODY, (float) body);
    m.put(IndexSchema.COMMENTS, (float) comments);
    m.values().removeIf(w -> w <= 0);
    return m;
  }
}
