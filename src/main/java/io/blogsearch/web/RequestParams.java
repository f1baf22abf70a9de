package io.blogsearch.web;

import io.blogsearch.search.BadRequestException;
import io.blogsearch.search.SearchMode;
import io.blogsearch.search.SearchRequest;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reads and validates query parameters; anything malformed is a {@link BadRequestException}. */
final class RequestParams {
  private RequestParams() {}

  static SearchRequest searchRequest(Context ctx) {
    return new SearchRequest(
        ctx.queryParam("q"),
        values(ctx, "category"), values(ctx, "tag"), values(ctx, "author"), values(ctx, "year"),
        date(ctx, "from"), date(ctx, "to"), sort(ctx.queryParam("sort")),
        intParam(ctx, "page", 1), intParam(ctx, "size", 10), mode(ctx.queryParam("mode")));
  }

  /** The search mode asked for; null (the site's default) when absent. */
  private static SearchMode mode(String v) {
    return v == null || v.isBlank() ? null : SearchMode.parse(v);
  }

  static int intParam(Context ctx, String name, int fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a whole number (got \"" + abbreviate(v) + "\")");
    }
  }

  static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw new BadRequestException("parameter " + name + " is required");
    }
    return v;
  }

  private static List<String> values(Context ctx, String name) {
    return ctx.queryParams(name).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static LocalDate date(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + " must be a date like 2024-03-31 (got \"" + abbreviate(v) + "\")");
    }
  }

  private static SearchRequest.Sort sort(String v) {
    if (v == null || v.isBlank()) {
      return SearchRequest.Sort.RELEVANCE;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "relevance" -> SearchRequest.Sort.RELEVANCE;
      case "date", "date-desc", "newest" -> SearchRequest.Sort.DATE;
      case "date-asc", "oldest" -> SearchRequest.Sort.DATE_ASC;
      default -> throw new BadRequestException("sort must be relevance, date or date-asc (got \"" + abbreviate(v) + "\")");
    };
  }

  static String abbreviateUrl(String v) {
    return v.length() <= 300 ? v : v.substring(0, 300) + "…";
  }

  static String abbreviate(String v) {
    return v.length() <= 40 ? v : v.substring(0, 40) + "…";
  }
}
