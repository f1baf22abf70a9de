package io.blogsearch.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a test collection in the SMART format of CACM: records start with {@code .I id}, fields
 * with {@code .T} (title), {@code .W} (text), {@code .A} (authors), {@code .K} (keywords),
 * {@code .C} (CR categories), {@code .B} (issue), {@code .N}, {@code .X} (citations: document ids); relevance judgements as lines {@code qid docid 0 0}.
 */
public final class SmartCollection {
  /** One document or query: its id and field texts ({@code T}, {@code W}, {@code A}, …). */
  public record Record(String id, Map<String, String> fields) {
    public String field(String name) {
      return fields.getOrDefault(name, "");
    }
  }

  private SmartCollection() {}

  public static List<Record> read(Path file) {
    List<Record> out = new ArrayList<>();
    String id = null;
    Map<String, StringBuilder> fields = new LinkedHashMap<>();
    String current = null;
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
        if (line.startsWith(".I ")) {
          if (id != null) {
            out.add(record(id, fields));
          }
          id = line.substring(3).strip();
          fields = new LinkedHashMap<>();
          current = null;
        } else if (line.matches("^\\.[A-Z]\\s*$")) {
          current = line.substring(1, 2);
          fields.putIfAbsent(current, new StringBuilder());
        } else if (current != null) {
          fields.get(current).append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (id != null) {
      out.add(record(id, fields));
    }
    return out;
  }

  private static Record record(String id, Map<String, StringBuilder> fields) {
    Map<String, String> f = new LinkedHashMap<>();
    fields.forEach((k, v) -> f.put(k, v.toString().strip()));
    return new Record(id, f);
  }

  /** Judgements: query id → relevant document ids. Lines are {@code qid docid …}. */
  public static Map<String, Set<String>> qrels(Path file) {
    Map<String, Set<String>> out = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
        String[] p = line.strip().split("\\s+");
        if (p.length >= 2) {
          out.computeIfAbsent(String.valueOf(Integer.parseInt(p[0])), k -> new HashSet<>()).add(String.valueOf(Integer.parseInt(p[1])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }
}
