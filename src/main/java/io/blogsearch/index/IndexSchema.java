package io.blogsearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.blogsearch.extract.Article;
import io.blogsearch.extract.PostId;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The Lucene document layout of a post: which fields exist, how each is indexed and stored, and
 * the facet dimensions. Title and body keep offsets in the postings so the highlighter never
 * re-analyses whole bodies. Author, categories and tags are also indexed as folded keys
 * ({@link #filterKey}) so filters match whatever quotes, dashes, accents or case the theme printed,
 * while facet labels keep the site's own spelling.
 */
public final class IndexSchema {
  public static final String URL = "url";
  /** The post's {@link PostId}, indexed for look-ups by id. */
  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String EXCERPT = "excerpt";
  public static final String AUTHOR = "author";
  public static final String CATEGORY = "category";
  public static final String TAG = "tag";
  /** Comment authors and texts, searched with a low weight. */
  public static final String COMMENTS = "comments";
  /** The comments as a stored JSON array of {@link Article.Comment}, for the post look-up. */
  public static final String COMMENTS_JSON = "comments_json";
  /** The body beyond {@link #STORED_BODY_CHARS}, stored apart so search hits never load it. */
  public static final String BODY_REST = "body_rest";
  public static final String PUBLISHED = "published";
  public static final String MODIFIED = "modified";
  public static final String RELATED = "related";
  public static final String COMMENT_COUNT = "comment_count";
  /** Unstemmed words of title, body, tags and categories, for spelling suggestions. */
  public static final String SPELL = "spell";
  /** The post's embedding ({@link io.blogsearch.encoder.Embedder}): a unit vector, compared by dot product. */
  public static final String VECTOR = "vector";

  /** Facet dimensions. */
  public static final String DIM_CATEGORY = "category";
  public static final String DIM_TAG = "tag";
  public static final String DIM_AUTHOR = "author";
  public static final String DIM_YEAR = "year";

  /** Bumped whenever the layout changes; stored in each commit. */
  public static final String VERSION = "3";

  /**
   * The body's first this many characters are stored in {@link #BODY}, the rest in
   * {@link #BODY_REST}: snippets never look further, and search hits load only the first part.
   */
  public static final int STORED_BODY_CHARS = 10_000;

  private static final Map<String, String> KEY_FIELDS = Map.of(
      DIM_AUTHOR, "author_key", DIM_CATEGORY, "category_key", DIM_TAG, "tag_key");
  private static final Pattern DASHES = Pattern.compile("[\\p{Pd}\u2212]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
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

  /**
   * A filter value as matched: Unicode-compatibility normalised, lower case, ASCII-folded like the
   * search analyzers (’ → ', “ → ", é → e), every dash as a hyphen, spaces collapsed. Only the
   * characters change, never which words there are, so "C++" and "C" stay apart.
   */
  public static String filterKey(String value) {
    String s = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    char[] in = s.toCharArray();
    char[] out = new char[in.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    String folded = DASHES.matcher(new String(out, 0, n)).replaceAll("-");
    return SPACES.matcher(folded).replaceAll(" ").strip();
  }

  /** The keyword field holding {@link #filterKey folded keys} of a facet dimension; null for year. */
  public static String keyField(String dim) {
    return KEY_FIELDS.get(dim);
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
    return toDocument(a, null);
  }

  /** As {@link #toDocument(Article)}, with the post's embedding when there is one. */
  public static Document toDocument(Article a, float[] vector) {
    Document d = new Document();
    if (vector != null) {
      d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    d.add(new StringField(URL, a.url(), Field.Store.YES));
    d.add(new StringField(ID, PostId.of(a.url()), Field.Store.NO));
    d.add(new Field(TITLE, a.title(), TEXT_WITH_OFFSETS));
    d.add(new Field(BODY, a.body(), INDEXED_WITH_OFFSETS));
    int cut = storedBodyEnd(a.body());
    d.add(new StoredField(BODY, a.body().substring(0, cut)));
    if (cut < a.body().length()) {
      d.add(new StoredField(BODY_REST, a.body().substring(cut)));
    }
    d.add(new StoredField(EXCERPT, a.excerpt()));
    d.add(new TextField(AUTHOR, a.author(), Field.Store.YES));
    if (!a.author().isBlank()) {
      addFacet(d, DIM_AUTHOR, a.author());
    }
    for (String c : a.categories()) {
      d.add(new TextField(CATEGORY, c, Field.Store.YES));
      addFacet(d, DIM_CATEGORY, c);
    }
    for (String t : a.tags()) {
      d.add(new TextField(TAG, t, Field.Store.YES));
      addFacet(d, DIM_TAG, t);
    }
    addComments(d, a);
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

  /** The site's spelling as the facet label, its folded key for filters. */
  private static void addFacet(Document d, String dim, String value) {
    d.add(new SortedSetDocValuesFacetField(dim, value));
    d.add(new StringField(KEY_FIELDS.get(dim), filterKey(value), Field.Store.NO));
  }

  /** Authors and texts searchable in one low-weight field; the comments themselves stored as JSON. */
  private static void addComments(Document d, Article a) {
    StringBuilder comments = new StringBuilder();
    a.comments().forEach(c -> comments.append(c.author()).append("\n\n").append(c.text()).append("\n\n"));
    d.add(new TextField(COMMENTS, comments.toString(), Field.Store.NO));
    d.add(new StoredField(COMMENT_COUNT, a.comments().size()));
    if (!a.comments().isEmpty()) {
      try {
        d.add(new StoredField(COMMENTS_JSON, JSON.writeValueAsString(a.comments())));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Where the stored (snippet) part of a body ends: at most {@link #STORED_BODY_CHARS}, never inside a surrogate pair. */
  private static int storedBodyEnd(String body) {
    if (body.length() <= STORED_BODY_CHARS) {
      return body.length();
    }
    return Character.isHighSurrogate(body.charAt(STORED_BODY_CHARS - 1)) ? STORED_BODY_CHARS - 1 : STORED_BODY_CHARS;
  }
}
