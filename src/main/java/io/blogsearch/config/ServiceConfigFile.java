package io.blogsearch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Keeps the service config file the source of truth when sites are added or removed over the
 * API: a new site's config is written next to the others ({@code sites/<name>.yaml}, or into
 * {@code sitesDir}) and the {@code sites} list is rewritten, each file atomically (a crash leaves
 * the old file or the new one, never half of one). The list is rewritten from the parsed YAML, so
 * comments in the service file are not kept.
 */
public final class ServiceConfigFile {
  private final ServiceConfig config;
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  public ServiceConfigFile(ServiceConfig config) {
    this.config = config;
  }

  /** Where a new site's config file goes. */
  public Path siteFile(String name) {
    return config.sites().dir() != null
        ? config.baseDir().resolve(config.sites().dir()).resolve(name + ".yaml").normalize()
        : config.baseDir().resolve("sites").resolve(name + ".yaml").normalize();
  }

  /** Writes the new site's config and lists it in the service config. */
  public synchronized Path add(String name, String siteYaml) {
    Path file = siteFile(name);
    try {
      Files.createDirectories(file.getParent());
      writeAtomically(file, siteYaml);
      if (config.sites().files() != null) {
        ObjectNode root = read();
        ArrayNode list = root.withArray("sites");
        String entry = config.baseDir().relativize(file).toString().replace('\\', '/');
        boolean listed = false;
        for (JsonNode n : list) {
          listed |= entry.equals(n.asText());
        }
        if (!listed) {
          list.add(entry);
          writeAtomically(config.file(), yaml.writeValueAsString(root));
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the service config: " + e.getMessage(), e);
    }
  }

  /**
   * Stops listing the site: its entry leaves the {@code sites} list (its file stays), or in a
   * {@code sitesDir} its file is renamed to {@code <name>.yaml.removed}.
   */
  public synchronized void remove(Path siteFile) {
    try {
      if (config.sites().files() == null) {
        Files.move(siteFile, siteFile.resolveSibling(siteFile.getFileName() + ".removed"),
            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return;
      }
      ObjectNode root = read();
      ArrayNode list = root.withArray("sites");
      for (int i = list.size() - 1; i >= 0; i--) {
        if (config.baseDir().resolve(list.get(i).asText()).normalize().equals(siteFile.normalize())) {
          list.remove(i);
        }
      }
      writeAtomically(config.file(), yaml.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the service config: " + e.getMessage(), e);
    }
  }

  private ObjectNode read() throws IOException {
    JsonNode root = yaml.readTree(Files.readString(config.file()));
    if (!(root instanceof ObjectNode object)) {
      throw new IOException(config.file() + " is no longer a YAML mapping");
    }
    return object;
  }

  /** Temp file in the same folder, flushed to disk, then renamed over the target. */
  static void writeAtomically(Path target, String text) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
