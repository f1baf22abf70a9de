package io.blogsearch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The GitLab Handbook (Hugo Markdown under {@code content/}) as a blog the generator can serve
 * and the benchmarks can index: one post per page, the section folder as category, the
 * front-matter {@code category} as tag, a deterministic synthetic author and date, and the body
 * converted by commonmark-java into the sample blog's tiny markup (Hugo shortcodes, code and raw
 * HTML dropped). Internal links are kept apart as a link graph: evidence of relatedness for
 * evaluation, never shown to the scorer.
 */
public final class HandbookCorpus {
  private static final Pattern SHORTCODE = Pattern.compile("\\{\\{[<%].*?[%>]\\}\\}", Pattern.DOTALL);
  private static final Pattern LINK = Pattern.compile("\\]\\((/handbook/[^)#?\\s]*)");
  private static final Pattern FRONT = Pattern.compile("\\A---\\R(.*?)\\R---\\R?", Pattern.DOTALL);
  private static final List<String> AUTHORS = List.of("Maria Lopez", "James Okafor", "Priya Raman", "Tom Becker",
      "Hannah Schultz", "Daniel Kim", "Sofia Rossi", "Liam O'Connor", "Aisha Bello", "Erik Lindqvist", "Grace Chen",
      "Marcus Whitfield");
  private static final Instant EPOCH = Instant.parse("2018-01-01T09:00:00Z");

  /**
   * The corpus.
   *
   * @param blog the pages as posts, oldest first
   * @param links for each post slug, the slugs of the handbook pages it links to
   * @param sections for each post slug, its section (the category)
   * @param descriptions for each post slug with one, the front-matter description (a human
   *     summary that is not part of the body: usable as a known-item query)
   */
  public record Corpus(SampleBlog blog, Map<String, Set<String>> links, Map<String, String> sections,
      Map<String, String> descriptions) {}

  private record Page(String slug, String section, String path, String markdown, JsonNode front) {}

  private HandbookCorpus() {}

  /** Loads every {@code .md} file under {@code contentDir} (the corpus's {@code content/} folder). */
  public static Corpus load(Path contentDir) {
    List<Page> pages = new ArrayList<>();
    Set<String> slugs = new java.util.HashSet<>();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try (Stream<Path> files = Files.walk(contentDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        String rel = contentDir.relativize(file).toString().replace('\\', '/');
        String path = "/" + rel.replaceFirst("(/?_index)?\\.md$", "").replaceFirst("^$", "");
        String text = Files.readString(file);
        JsonNode front = yaml.createObjectNode();
        Matcher fm = FRONT.matcher(text);
        if (fm.find()) {
          try {
            JsonNode parsed = yaml.readTree(fm.group(1));
            front = parsed == null ? front : parsed;
          } catch (IOException malformedFrontMatter) {
            // keep the page; its title falls back to the file name
          }
          text = text.substring(fm.end());
        }
        String[] parts = path.substring(1).split("/");
        String section = parts.length > 1 && parts[0].equals("handbook") ? parts[1] : parts[0];
        String slug = slugOf(path);
        for (int n = 2; !slugs.add(slug); n++) {
          slug = slugOf(path) + "-" + n;
        }
        pages.add(new Page(slug, section, path, text, front));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the handbook in " + contentDir, e);
    }
    Map<String, String> slugByPath = new LinkedHashMap<>();
    pages.forEach(p -> slugByPath.put(p.path(), p.slug()));
    List<SamplePost> posts = new ArrayList<>();
    Map<String, Set<String>> links = new LinkedHashMap<>();
    Map<String, String> sections = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    Parser markdown = Parser.builder().build();
    for (Page p : pages) {
      String title = p.front().path("title").asText("").strip();
      if (title.isEmpty()) {
        title = p.path().substring(p.path().lastIndexOf('/') + 1).replace('-', ' ');
      }
      String body = toTinyMarkup(markdown.parse(SHORTCODE.matcher(p.markdown()).replaceAll(" ")));
      if (body.isBlank()) {
        body = title;
      }
      List<String> tags = new ArrayList<>();
      JsonNode cat = p.front().get("category");
      if (cat != null && cat.isTextual() && !cat.asText().isBlank()) {
        tags.add(cat.asText().strip());
      }
      int h = Math.floorMod(p.path().hashCode(), 7 * 365 * 24);
      Instant published = EPOCH.plus(h, ChronoUnit.HOURS);
      posts.add(new SamplePost(0, p.slug(), title, AUTHORS.get(Math.floorMod(p.path().hashCode() / 7, AUTHORS.size())),
          published, null, List.of(p.section()), tags, List.of(), body, List.of()));
      Set<String> targets = new LinkedHashSet<>();
      Matcher m = LINK.matcher(p.markdown());
      while (m.find()) {
        String target = slugByPath.get(m.group(1).replaceAll("/+$", ""));
        if (target != null && !target.equals(p.slug())) {
          targets.add(target);
        }
      }
      links.put(p.slug(), targets);
      sections.put(p.slug(), p.section());
      String description = p.front().path("description").asText("").strip();
      if (!description.isEmpty()) {
        descriptions.put(p.slug(), description);
      }
    }
    posts.sort(Comparator.comparing(SamplePost::published).thenComparing(SamplePost::slug));
    List<SamplePost> numbered = new ArrayList<>();
    for (int i = 0; i < posts.size(); i++) {
      SamplePost s = posts.get(i);
      numbered.add(new SamplePost(i + 1, s.slug(), s.title(), s.author(), s.published(), null, s.categories(),
          s.tags(), s.similar(), s.body(), s.comments()));
    }
    return new Corpus(SampleBlog.of(numbered), links, sections, descriptions);
  }

  private static String slugOf(String path) {
    String s = path.substring(1).replace('/', '-').replaceAll("[^a-zA-Z0-9-]", "-").toLowerCase(java.util.Locale.ROOT);
    return s.isEmpty() ? "home" : s;
  }

  /** Paragraphs, {@code ## } headings and {@code - } list items, separated by blank lines. */
  static String toTinyMarkup(Node document) {
    List<String> blocks = new ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        add("## ", heading);
      }

      @Override
      public void visit(Paragraph paragraph) {
        if (!(paragraph.getParent() instanceof ListItem)) {
          add("", paragraph);
        }
      }

      @Override
      public void visit(ListItem item) {
        add("- ", item);
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
          if (child instanceof BulletList || child instanceof OrderedList) {
            child.accept(this);
          }
        }
      }

      @Override
      public void visit(BulletList list) {
        visitChildren(list);
      }

      @Override
      public void visit(OrderedList list) {
        visitChildren(list);
      }

      @Override
      public void visit(FencedCodeBlock code) {
        // code is not prose
      }

      @Override
      public void visit(IndentedCodeBlock code) {
        // code is not prose
      }

      @Override
      public void visit(HtmlBlock html) {
        // raw HTML is markup, not text
      }

      private void add(String prefix, Node node) {
        StringBuilder sb = new StringBuilder();
        collectText(node, sb);
        String text = sb.toString().replaceAll("\\s+", " ").strip();
        if (!text.isEmpty() && !(prefix.isEmpty() && (text.startsWith("- ") || text.startsWith("## ")))) {
          blocks.add(prefix + text);
        } else if (!text.isEmpty()) {
          blocks.add(text.substring(2));
        }
      }
    });
    return String.join("\n\n", blocks);
  }

  private static void collectText(Node node, StringBuilder sb) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (child instanceof Code c) {
        sb.append(c.getLiteral());
      } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
        sb.append(' ');
      } else if (child instanceof BulletList || child instanceof OrderedList) {
        sb.append(' ');
      } else {
        collectText(child, sb);
      }
    }
  }
}
