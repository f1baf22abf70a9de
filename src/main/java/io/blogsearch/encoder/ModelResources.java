package io.blogsearch.encoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a model's files from the class path (the langchain4j model artifact). */
final class ModelResources {
  private ModelResources() {}

  static byte[] read(String name) {
    try (InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new ModelUnavailableException("the model file " + name + " is not on the class path", null);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ModelUnavailableException("cannot read the model file " + name, e);
    }
  }

  /** The tokenizer's JSON, with its truncation set to {@link OnnxModel#maxTokens} when that is given. */
  static byte[] tokenizer(OnnxModel spec) {
    byte[] json = read(spec.tokenizerResource());
    if (spec.maxTokens() <= 0) {
      return json;
    }
    try {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode root = (ObjectNode) mapper.readTree(json);
      ObjectNode truncation = mapper.createObjectNode()
          .put("direction", "Right").put("max_length", spec.maxTokens()).put("strategy", "LongestFirst").put("stride", 0);
      root.set("truncation", truncation);
      root.putNull("padding"); // the bundled file pads every text to 128 tokens: wasted work
      return mapper.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer " + spec.tokenizerResource(), e);
    }
  }
}
