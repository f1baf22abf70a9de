package io.blogsearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.blogsearch.extract.Article;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/**
 * The Lucene document layout of a post: which fields exist, how each is indexed and stored, and
 * the facet dimensions. Title and body keep offsets in the postings so the highlighter never
 * re-analyses whole bodies.
 */
public final class IndexSchema {
  public static final String URL = "url";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String EXCERPT = "excerpt";
  public static final String AUTHOR = "author";
  public static final String CATEGORY = "category";
  public static final String TAG = "tag";
  public static final String COMMENTS = "comments";
  public static final String PUBLISHED = "published";
  public static final String MODIFIED = "modified";
  public static final String RELATED = "related";
  public static final String COMMENT_COUNT = "comment_count";
  /** Unstemmed words of title, body, tags and categories, for spelling suggestions. */
  public static final String SPELL = "spell";

  /** Facet dimensions. */
  public static final String DIM_CATEGORY = "category";
  public static final String DIM_TAG = "tag";
  public static final String DIM_AUTHOR = "author";
  public static final String DIM_YEAR = "year";

  /** Bumped whenever the layout changes; stored in each commit. */
  public static final String VERSION = "2";

  /**
   * The body is indexed whole but stored only up to this many characters: snippets never look
   * further, and a short stored value keeps per-hit stored-field decompression cheap.
   */
  public static final int STORED_BODY_CHARS = 10_000;

  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets(true);
  private static final FieldType INDEXED_WITH_OFFSETS = textWithOffsets(false);
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private IndexSchema() {}

  private static FieldType textWithOffsets(boolean stored) {
    FieldType t = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  /** Facet configuration: categories and tags hold several values per post. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(DIM_CATEGORY, true);
    config.setMultiValued(DIM_TAG, true);
    return config;
  }

  /** Index-time analyzers per field: stemmed text everywhere, plain words in {@link #SPELL}. */
  public static Analyzer indexAnalyzer(BlogAnalyzers.Stemmer stemmer) {
    return new PerFieldAnalyzerWrapper(BlogAnalyzers.index(stemmer), Map.of(SPELL, BlogAnalyzers.plain()));
  }

  /** The Lucene document for a post (facet fields still to be built by {@link FacetsConfig#build}). */
  public static Document toDocument(Article a) {
    Document d = new Document();
    d.add(new StringField(URL, a.url(), Field.Store.YES));
    d.add(new Field(TITLE, a.title(), TEXT_WITH_OFFSETS));
    d.add(new Field(BODY, a.body(), INDEXED_WITH_OFFSETS));
    d.add(new StoredField(BODY, a.body().length() <= STORED_BODY_CHARS ? a.body() : a.body().substring(0, STORED_BODY_CHARS)));
    d.add(new StoredField(EXCERPT, a.excerpt()));
    d.add(new TextField(AUTHOR, a.author(), Field.Store.YES));
    if (!a.author().isBlank()) {
      d.add(new SortedSetDocValuesFacetField(DIM_AUTHOR, a.author()));
    }
    for (String c : a.categories()) {
      d.add(new TextField(CATEGORY, c, Field.Store.YES));
      d.add(new SortedSetDocValuesFacetField(DIM_CATEGORY, c));
    }
    for (String t : a.tags()) {
      d.add(new TextField(TAG, t, Field.Store.YES));
      d.add(new SortedSetDocValuesFacetField(DIM_TAG, t));
    }
    StringBuilder comments = new StringBuilder();
    a.comments().forEach(c -> comments.append(c.text()).append("\n\n"));
    d.add(new TextField(COMMENTS, comments.toString(), Field.Store.NO));
    d.add(new StoredField(COMMENT_COUNT, a.comments().size()));
    long published = a.published() == null ? 0L : a.published().toEpochMilli();
    d.add(new LongPoint(PUBLISHED, published));
    d.add(new NumericDocValuesField(PUBLISHED, published));
    d.add(new StoredField(PUBLISHED, published));
    if (a.published() != null) {
      d.add(new SortedSetDocValuesFacetField(DIM_YEAR, String.valueOf(a.published().atZone(ZoneOffset.UTC).getYear())));
    }
    if (a.modified() != null) {
      d.add(new StoredField(MODIFIED, a.modified().toEpochMilli()));
    }
    try {
      d.add(new StoredField(RELATED, JSON.writeValueAsString(a.relatedLinks())));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    String spell = a.title() + "\n" + a.body() + "\n" + String.join(" ", a.tags()) + " " + String.join(" ", a.categories());
    d.add(new TextField(SPELL, spell, Field.Store.NO));
    return d;
  }
}
