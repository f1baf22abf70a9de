package io.blogsearch.search;

import io.blogsearch.index.BlogAnalyzers;
import io.blogsearch.index.IndexSchema;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Autocomplete over post titles and tags: an {@link AnalyzingInfixSuggester} held in memory and
 * built from the stored fields of one index snapshot, so suggestions always agree with what
 * search finds. Any word of a title may be completed ("deleg" finds "Delegation That Actually
 * Sticks"); titles come before tags, newer posts and more frequent tags first.
 */
final class Autocomplete implements Closeable {
  private static final Set<String> ONLY_LIVE = Set.of(IndexSchema.URL, IndexSchema.TITLE, IndexSchema.TAG, IndexSchema.PUBLISHED);

  private record Entry(String text, long weight, String payload) {}

  private final AnalyzingInfixSuggester suggester;
  private final boolean built;

  Autocomplete(IndexReader reader) throws IOException {
    this.suggester = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), BlogAnalyzers.plain(),
        BlogAnalyzers.plain(), 1, false);
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> tagCounts = new HashMap<>();
    StoredFields stored = reader.storedFields();
    Bits live = MultiBits.getLiveDocs(reader);
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      Document d = stored.document(doc, ONLY_LIVE);
      IndexableField published = d.getField(IndexSchema.PUBLISHED);
      long days = published == null ? 0 : published.numericValue().longValue() / 86_400_000L;
      entries.add(new Entry(d.get(IndexSchema.TITLE), 2_000_000L + days, "title\n" + d.get(IndexSchema.URL)));
      for (String tag : new LinkedHashSet<>(List.of(d.getValues(IndexSchema.TAG)))) {
        tagCounts.merge(tag, 1, Integer::sum);
      }
    }
    tagCounts.forEach((tag, count) -> entries.add(new Entry(tag, 1_000_000L + count, "tag\n")));
    this.built = !entries.isEmpty();
    if (built) {
      suggester.build(new Entries(entries));
    }
  }

  List<Suggestion> lookup(String prefix, int limit) throws IOException {
    if (!built || prefix.isBlank()) {
      return List.of();
    }
    List<Suggestion> out = new ArrayList<>();
    for (Lookup.LookupResult r : suggester.lookup(prefix, limit, true, false)) {
      String[] payload = r.payload.utf8ToString().split("\n", 2);
      out.add(new Suggestion(r.key.toString(), payload[0], payload[1].isEmpty() ? null : payload[1]));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    suggester.close();
  }

  private static final class Entries implements InputIterator {
    private final List<Entry> entries;
    private int i = -1;

    Entries(List<Entry> entries) {
      this.entries = entries;
    }

    @Override
    public BytesRef next() {
      i++;
      return i < entries.size() ? new BytesRef(entries.get(i).text()) : null;
    }

    @Override
    public long weight() {
      return entries.get(i).weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(entries.get(i).payload().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
