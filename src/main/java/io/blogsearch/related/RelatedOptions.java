package io.blogsearch.related;

import io.blogsearch.config.SiteConfig;

/**
 * How related posts are scored. The content score is Lucene MoreLikeThis over the fields below,
 * divided by the source post's score against itself (so 1.0 means "as similar as the post is to
 * itself"); shared tags and categories and the site's own related links are blended in, YARPP
 * style. Defaults were tuned on the Handbook (see README, Related posts).
 *
 * @param rules the site's editorial rules (threshold, exclusions, pins, older-only)
 * @param useSiteLinks blend in the site's own related links (off while measuring recall of them)
 * @param titleWeight MLT weight of title terms
 * @param bodyWeight MLT weight of body terms
 * @param tagWeight MLT weight of tag terms
 * @param categoryWeight MLT weight of category terms
 * @param contentShare share of the content (MLT) score in the blend
 * @param tagShare share of the shared-tags score
 * @param categoryShare share of the shared-categories score
 * @param linkedBySource added when the post itself lists the candidate
 * @param linksToSource added when the candidate lists the post
 * @param maxQueryTerms MLT terms per query
 * @param minTermFreq MLT minimum term frequency in the source
 * @param minDocFreq MLT minimum document frequency
 * @param semanticWeight share of meaning (the posts' vectors) in the content score: 0 words only
 *     (no kNN candidates), 1 meaning only (no MoreLikeThis candidates); ignored for a post without a vector
 * @param fusion how the two content scores become one
 * @param rrfK the k of {@link Fusion#RRF}
 */
public record RelatedOptions(SiteConfig.Related rules, boolean useSiteLinks, float titleWeight, float bodyWeight,
    float tagWeight, float categoryWeight, double contentShare, double tagShare, double categoryShare,
    double linkedBySource, double linksToSource, int maxQueryTerms, int minTermFreq, int minDocFreq,
    double semanticWeight, Fusion fusion, int rrfK) {

  /** How the lexical and the semantic score of a candidate are fused. */
  public enum Fusion {
    /**
     * (1 − w) × lexical + w × cosine rescaled so the post's farthest kNN candidate is 0 and an
     * identical post 1: a cosine alone says little (most posts of one site lie within 0.5–0.9).
     */
    BLEND,
    /** (1 − w) × lexical + w × raw cosine. */
    COSINE,
    /** Reciprocal rank fusion, ((1 − w)/(k + lexical rank) + w/(k + kNN rank)) × (k + 1). */
    RRF
  }

  public static RelatedOptions defaults(SiteConfig.Related rules) {
    return new RelatedOptions(rules, true, 2f, 1f, 1.5f, 1f, 0.7, 0.2, 0.1, 0.3, 0.15, 50, 1, 2,
        rules.semanticWeight(), Fusion.COSINE, 60);
  }

  /** Words only: the lists an index without vectors gets. */
  public RelatedOptions keywordOnly() {
    return withSemantic(0, fusion);
  }

  public RelatedOptions withSemantic(double weight, Fusion how) {
    return new RelatedOptions(rules, useSiteLinks, titleWeight, bodyWeight, tagWeight, categoryWeight, contentShare,
        tagShare, categoryShare, linkedBySource, linksToSource, maxQueryTerms, minTermFreq, minDocFreq, weight, how, rrfK);
  }

  public RelatedOptions withSiteLinks(boolean use) {
    return new RelatedOptions(rules, use, titleWeight, bodyWeight, tagWeight, categoryWeight, contentShare, tagShare,
        categoryShare, linkedBySource, linksToSource, maxQueryTerms, minTermFreq, minDocFreq, semanticWeight, fusion, rrfK);
  }

  public RelatedOptions withShares(double content, double tags, double categories) {
    return new RelatedOptions(rules, useSiteLinks, titleWeight, bodyWeight, tagWeight, categoryWeight, content, tags,
        categories, linkedBySource, linksToSource, maxQueryTerms, minTermFreq, minDocFreq, semanticWeight, fusion, rrfK);
  }

  public RelatedOptions withMlt(int terms, int minTf, int minDf) {
    return new RelatedOptions(rules, useSiteLinks, titleWeight, bodyWeight, tagWeight, categoryWeight, contentShare,
        tagShare, categoryShare, linkedBySource, linksToSource, terms, minTf, minDf, semanticWeight, fusion, rrfK);
  }
}
