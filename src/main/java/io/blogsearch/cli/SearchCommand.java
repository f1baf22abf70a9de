package io.blogsearch.cli;

import io.blogsearch.config.SiteConfig;
import io.blogsearch.encoder.SemanticModel;
import io.blogsearch.search.SearchMode;
import io.blogsearch.search.SearchRequest;
import io.blogsearch.search.SearchResponse;
import io.blogsearch.admin.ServingManager;
import java.util.List;
import java.util.concurrent.Callable;
import org.jsoup.parser.Parser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search}: runs one query against a site's index and prints the results. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search a site's index from the command line.")
final class SearchCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "The query, in the visitor syntax (words, \"phrases\", -exclude, OR, title:, author:, category:, tag:).")
  String query;

  @Mixin
  SiteOptions siteOptions;

  @Option(names = "--size", description = "Results to show (default: ${DEFAULT-VALUE}).", defaultValue = "10")
  int size;

  @Option(names = "--sort", description = "relevance, date or date-asc (default: ${DEFAULT-VALUE}).", defaultValue = "RELEVANCE",
      converter = SortConverter.class)
  SearchRequest.Sort sort;

  @Option(names = "--mode", description = "keyword, hybrid or semantic (default: the config's semantic.searchMode).",
      converter = ModeConverter.class)
  SearchMode mode;

  @Override
  public Integer call() throws Exception {
    SiteConfig site = siteOptions.load();
    SearchMode effective = mode != null ? mode : SearchMode.parse(site.semantic().searchMode());
    // A keyword search never embeds the query: loading the model would only cost seconds and memory.
    SemanticModel semantic = effective == SearchMode.KEYWORD
        ? SemanticModel.off(site.semantic().model(), "keyword search") : SiteServices.semanticModel(site);
    try (ServingManager serving = SiteServices.openServing(site, semantic)) {
      SearchResponse r = serving.with(s -> s.search().search(new SearchRequest(query, List.of(), List.of(), List.of(), List.of(),
          null, null, sort, 1, size, mode)));
      System.out.printf("%d results (%d ms, %s)%s%n", r.total(), r.tookMs(), r.mode(), r.relaxed() ? ", matching some of the words" : "");
      if (r.fallback() != null) {
        System.out.println("Note: " + r.fallback());
      }
      if (r.didYouMean() != null) {
        System.out.println("Did you mean: " + r.didYouMean());
      }
      int i = 1;
      for (SearchResponse.Hit h : r.hits()) {
        System.out.printf("%2d. %s — %s, %s%n    %s%n    %s%n", i++, h.title(), h.author(),
            h.published() == null ? "undated" : h.published().toString().substring(0, 10), h.url(), plain(h.snippet()));
      }
    }
    return 0;
  }

  /** The snippet as terminal text: matches in [brackets], entities decoded. */
  private static String plain(String html) {
    return Parser.unescapeEntities(html.replace("<mark>", "[").replace("</mark>", "]"), false);
  }

  static final class ModeConverter implements picocli.CommandLine.ITypeConverter<SearchMode> {
    @Override
    public SearchMode convert(String value) {
      try {
        return SearchMode.parse(value);
      } catch (io.blogsearch.search.BadRequestException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static final class SortConverter implements picocli.CommandLine.ITypeConverter<SearchRequest.Sort> {
    @Override
    public SearchRequest.Sort convert(String value) {
      return SearchRequest.Sort.valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
  }
}
