package io.blogsearch.admin;

import io.blogsearch.extract.Article;
import io.blogsearch.index.PostHashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One post as pushed through {@code PUT /api/admin/posts}, validated, its HTML already cleaned
 * into the plain text every stage reads.
 *
 * @param article the post as the index will hold it
 * @param image the post's image URL, or null (kept with the push; no stage shows images yet)
 * @param language the post's language tag, or null (kept with the push; analysis is per site)
 */
public record PushedPost(Article article, String image, String language) {
  public PushedPost {
    Objects.requireNonNull(article, "article");
  }

  public String url() {
    return article.url();
  }

  /** The post's content hash as the index keeps it ({@link PostHashes}, in {@code posts.sha}). */
  public String articleHash() {
    return PostHashes.of(List.of(article)).get(article.url());
  }

  /** A content hash of everything pushed: equal hashes mean a repeated push that changes nothing. */
  public String hash() {
    String post = articleHash();
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((post + '\u0000' + image + '\u0000' + language).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
