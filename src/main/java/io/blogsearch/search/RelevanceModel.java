package io.blogsearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * RM3 pseudo-relevance feedback, the estimate of Anserini's {@code Rm3Reranker} (Lavrenko and
 * Croft's relevance model interpolated with the query, as in Abdul-Jaleel et al., UMass at TREC
 * 2004):
 *
 * <ol>
 *   <li>each feedback document's terms, after dropping terms shorter than 2 or longer than 20
 *       characters, anything but {@code [a-z0-9]}, and terms found in more than
 *       {@link Settings#maxDocFreqRatio} of the documents (a collection-specific stop list), are
 *       cut to the document's {@link Settings#feedbackTerms} most frequent ones;
 *   <li>a term's feedback weight is the sum over the documents of {@code tf / (sum of the kept
 *       tfs)} times the document's retrieval score;
 *   <li>the {@link Settings#feedbackTerms} heaviest terms are kept and scaled to sum 1;
 *   <li>the result is {@code originalWeight · P(t|query) + (1 − originalWeight) · P(t|feedback)},
 *       where {@code P(t|query)} is the term's share of the analysed query.
 * </ol>
 *
 * Pure arithmetic on term counts; {@link RankedRetrieval} supplies the counts from the index.
 */
public final class RelevanceModel {
  /**
   * RM3 settings. Anserini's defaults are {@code new Settings(10, 10, 0.5, 0.1)}.
   *
   * @param feedbackDocs top documents taken as relevant
   * @param feedbackTerms terms kept per feedback document and in the feedback model
   * @param originalWeight share of the original query in the expanded one, 0..1
   * @param maxDocFreqRatio terms in a larger share of the documents are never expansion terms
   */
  public record Settings(int feedbackDocs, int feedbackTerms, double originalWeight, double maxDocFreqRatio) {
    public Settings {
      if (feedbackDocs < 1 || feedbackTerms < 1) {
        throw new IllegalArgumentException("RM3 needs at least one feedback document and term");
      }
      if (originalWeight < 0 || originalWeight > 1) {
        throw new IllegalArgumentException("RM3 original weight must be within 0..1, not " + originalWeight);
      }
    }

    /** Anserini's defaults: 10 documents, 10 terms, original weight 0.5, document frequency ≤ 10%. */
    public static Settings anserini() {
      return new Settings(10, 10, 0.5, 0.1);
    }
  }

  /** One feedback document: its analysed term frequencies and its retrieval score. */
  public record FeedbackDoc(Map<String, Integer> termFrequencies, double score) {}

  private static final Pattern ALNUM = Pattern.compile("[a-z0-9]+");

  private final Settings settings;

  public RelevanceModel(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  /** Term shares of an analysed query ({@code P(t|query)}), in first-occurrence order. */
  public static Map<String, Double> queryModel(List<String> terms) {
    Map<String, Double> counts = new LinkedHashMap<>();
    terms.forEach(t -> counts.merge(t, 1.0, Double::sum));
    return normalised(counts);
  }

  /**
   * The feedback model {@code P(t|feedback)}: at most {@code feedbackTerms} terms, summing to 1
   * (empty when no document has a usable term), heaviest first.
   *
   * @param docs the feedback documents, best first (only the first {@code feedbackDocs} count)
   * @param docFreq a term's document frequency
   * @param numDocs documents in the collection
   */
  public Map<String, Double> feedbackModel(List<FeedbackDoc> docs, ToIntFunction<String> docFreq, int numDocs) {
    Map<String, Double> weights = new HashMap<>();
    Map<String, Boolean> usable = new HashMap<>();
    for (FeedbackDoc d : docs.subList(0, Math.min(settings.feedbackDocs(), docs.size()))) {
      List<Map.Entry<String, Integer>> kept = new ArrayList<>();
      for (Map.Entry<String, Integer> e : d.termFrequencies().entrySet()) {
        if (usable.computeIfAbsent(e.getKey(), t -> isUsable(t, docFreq, numDocs))) {
          kept.add(e);
        }
      }
      kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      kept = kept.subList(0, Math.min(settings.feedbackTerms(), kept.size()));
      double norm = kept.stream().mapToInt(Map.Entry::getValue).sum();
      if (norm <= 0) {
        continue;
      }
      for (Map.Entry<String, Integer> e : kept) {
        weights.merge(e.getKey(), e.getValue() / norm * d.score(), Double::sum);
      }
    }
    return normalised(top(weights, settings.feedbackTerms()));
  }

  /**
   * {@code originalWeight · query + (1 − originalWeight) · feedback}, heaviest first; the query
   * alone when there is no feedback.
   */
  public Map<String, Double> interpolate(Map<String, Double> query, Map<String, Double> feedback) {
    if (feedback.isEmpty()) {
      return query;
    }
    Map<String, Double> mixed = new HashMap<>();
    query.forEach((t, w) -> mixed.merge(t, settings.originalWeight() * w, Double::sum));
    feedback.forEach((t, w) -> mixed.merge(t, (1 - settings.originalWeight()) * w, Double::sum));
    return top(mixed, mixed.size());
  }

  private boolean isUsable(String term, ToIntFunction<String> docFreq, int numDocs) {
    return term.length() >= 2 && term.length() <= 20 && ALNUM.matcher(term).matches()
        && docFreq.applyAsInt(term) <= settings.maxDocFreqRatio() * numDocs;
  }

  /** The {@code n} heaviest entries, heaviest first (ties by term, so runs are repeatable). */
  private static Map<String, Double> top(Map<String, Double> weights, int n) {
    Map<String, Double> out = new LinkedHashMap<>();
    weights.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Map<String, Double> normalised(Map<String, Double> weights) {
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> out = new LinkedHashMap<>();
    if (sum > 0) {
      weights.forEach((t, w) -> out.put(t, w / sum));
    }
    return out;
  }
}
