package io.blogsearch.search;

import java.util.List;

/**
 * A visitor's query after parsing, before analysis: a list of clauses.
 *
 * @param clauses in the order typed
 */
public record ParsedQuery(List<Clause> clauses) {
  public ParsedQuery {
    clauses = List.copyOf(clauses);
  }

  /**
   * One word, phrase or field clause.
   *
   * @param field null for "any field", else title, author, category or tag
   * @param text the words as typed (quotes removed)
   * @param phrase typed in quotes
   * @param negated typed with a leading minus
   * @param group clauses sharing a group number above zero were joined with OR
   */
  public record Clause(String field, String text, boolean phrase, boolean negated, int group) {}

  public boolean isEmpty() {
    return clauses.isEmpty();
  }
}
