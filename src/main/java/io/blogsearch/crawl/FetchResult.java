package io.blogsearch.crawl;

/**
 * What one fetch produced, after redirects and retries.
 *
 * @param url the URL asked for
 * @param finalUrl the URL that answered (differs after redirects)
 * @param status final HTTP status, or 0 when no response arrived
 * @param contentType the Content-Type header, possibly empty
 * @param body decoded body bytes (empty for 304 and errors)
 * @param etag ETag validator, or null
 * @param lastModified Last-Modified validator, or null
 * @param xRobotsTag the X-Robots-Tag header, or empty
 * @param location the Location header of a redirect, or null
 * @param failure why the fetch failed, or null when a response was read
 * @param attempts requests made for the final hop (1 + retries)
 */
public record FetchResult(
    String url,
    String finalUrl,
    int status,
    String contentType,
    byte[] body,
    String etag,
    String lastModified,
    String xRobotsTag,
    String location,
    String failure,
    int attempts) {

  public boolean failed() {
    return failure != null;
  }

  static FetchResult failure(String url, String finalUrl, int status, String reason, int attempts) {
    return new FetchResult(url, finalUrl, status, "", new byte[0], null, null, "", null, reason, attempts);
  }
}
