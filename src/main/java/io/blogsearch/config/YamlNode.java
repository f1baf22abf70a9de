package io.blogsearch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A YAML node with its dotted path, so every error can name its field (site and service configs). */
record YamlNode(String path, JsonNode node) {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  boolean present() {
    return node != null && !node.isMissingNode() && !node.isNull();
  }

  YamlNode field(String key) {
    String p = path.isEmpty() ? key : path + "." + key;
    if (!present()) {
      return new YamlNode(p, MissingNode.getInstance());
    }
    return new YamlNode(p, node.get(key));
  }

  void allowOnly(String... keys) {
    if (!present()) {
      return;
    }
    if (!node.isObject()) {
      throw new ConfigException(path, "must be a mapping of keys to values");
    }
    Set<String> allowed = Set.of(keys);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new ConfigException(path.isEmpty() ? k : path + "." + k,
            "unknown field (expected one of " + String.join(", ", keys) + ")");
      }
    }
  }

  String string(String fallback) {
    if (!present()) {
      return fallback;
    }
    if (!node.isValueNode() || node.isBoolean()) {
      throw new ConfigException(path, "must be a text value");
    }
    return node.asText();
  }

  String oneOf(List<String> allowed, String fallback) {
    String v = string(fallback);
    if (!allowed.contains(v)) {
      throw new ConfigException(path, "must be one of " + String.join(", ", allowed) + " (got \"" + v + "\")");
    }
    return v;
  }

  <T> List<T> list(Function<YamlNode, T> element) {
    if (!present()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new ConfigException(path, "must be a list");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(element.apply(new YamlNode(path + "[" + i + "]", node.get(i))));
    }
    return out;
  }

  int positiveInt(int fallback) {
    int v = intValue(fallback);
    if (v <= 0) {
      throw new ConfigException(path, "must be a positive whole number (got " + node.asText() + ")");
    }
    return v;
  }

  int nonNegativeInt(int fallback) {
    int v = intValue(fallback);
    if (v < 0) {
      throw new ConfigException(path, "must not be negative (got " + node.asText() + ")");
    }
    return v;
  }

  private int intValue(int fallback) {
    if (!present()) {
      return fallback;
    }
    if (!node.canConvertToInt() || !(node.isIntegralNumber() || node.asText().matches("-?\\d+"))) {
      throw new ConfigException(path, "must be a whole number (got \"" + node.asText() + "\")");
    }
    return node.isIntegralNumber() ? node.intValue() : Integer.parseInt(node.asText());
  }

  double fraction(double fallback) {
    if (!present()) {
      return fallback;
    }
    if (!node.isNumber() || node.doubleValue() < 0 || node.doubleValue() > 1) {
      throw new ConfigException(path, "must be a number from 0 to 1 (got \"" + node.asText() + "\")");
    }
    return node.doubleValue();
  }

  boolean bool(boolean fallback) {
    if (!present()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw new ConfigException(path, "must be true or false (got \"" + node.asText() + "\")");
    }
    return node.booleanValue();
  }

  Duration duration(Duration fallback) {
    if (!present()) {
      return fallback;
    }
    Duration d = node.isValueNode() ? parseDuration(node.asText()) : null;
    if (d == null) {
      throw new ConfigException(path, "must be a duration such as 500ms, 5s, 2m, 1h or 7d (got \"" + node.asText() + "\")");
    }
    return d;
  }

  Duration positiveDuration(Duration fallback) {
    Duration d = duration(fallback);
    if (d.isZero()) {
      throw new ConfigException(path, "must be greater than zero");
    }
    return d;
  }

  URI httpUrl() {
    String text = string(null);
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new ConfigException(path, "must be an absolute http(s) URL (got \"" + text + "\")");
      }
      return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.resolve("/") : uri;
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(path, "is not a valid URL (got \"" + text + "\"): " + e.getReason());
    }
  }

  String hostEntry() {
    String text = string(null).trim().toLowerCase(Locale.ROOT);
    if (!text.matches("[a-z0-9.\\-\\[\\]:]+") || text.startsWith(":") || text.endsWith(":")) {
      throw new ConfigException(path, "must be a host name or host:port (got \"" + text + "\")");
    }
    return text;
  }

  IpRange ipRange() {
    String text = string("");
    try {
      return IpRange.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(path, "must be an IP address or CIDR block such as 10.0.0.0/8 or fd00::/8 (got \""
          + text + "\"): " + e.getMessage());
    }
  }

  Pattern regex() {
    String text = string(null);
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw new ConfigException(path, "is not a valid regular expression: " + e.getDescription());
    }
  }

  /** A WordPress post type name: lowercase letters, digits, '-' or '_' (as WordPress allows). */
  String postType() {
    String text = string(null);
    if (text == null || !text.strip().matches("[a-z0-9_-]{1,20}")) {
      throw new ConfigException(path, "must be a WordPress post type name such as post (lowercase letters, digits,"
          + " '-' or '_', at most 20), got \"" + text + "\"");
    }
    return text.strip();
  }

  String selector(String fallback) {
    String text = string(fallback);
    if (text == null) {
      return null;
    }
    try {
      org.jsoup.select.QueryParser.parse(text);
    } catch (org.jsoup.select.Selector.SelectorParseException e) {
      throw new ConfigException(path, "is not a valid CSS selector: " + e.getMessage());
    }
    return text;
  }

  /** Parses {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 7d} or a bare number of milliseconds. */
  static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofMillis(n);
    };
  }
}
