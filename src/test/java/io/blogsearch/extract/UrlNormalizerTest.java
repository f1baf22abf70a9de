package io.blogsearch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UrlNormalizerTest {
  private final UrlNormalizer urls = new UrlNormalizer(Set.of());

  private void assertNormal(String expected, String input) {
    assertEquals(Optional.of(expected), urls.normalize(input), input);
  }

  private void assertResolved(String expected, String base, String href) {
    assertEquals(Optional.of(expected), urls.resolve(base, href), base + " + " + href);
  }

  @Test
  void dropsTrackingAndWordPressParametersEvenWhenASiteListsItsOwn() {
    UrlNormalizer site = new UrlNormalizer(Set.of("sessionid"));
    assertEquals(Optional.of("https://blog.example.com/p/?cat=3"),
        site.normalize("https://blog.example.com/p/?sessionid=9&fbclid=x&cat=3&query-0-page=2&cst&replytocom=4"));
  }

  @Test
  void dropsFragment() {
    assertNormal("https://blog.example.com/post/", "https://blog.example.com/post/#comments");
    assertNormal("https://blog.example.com/post/?a=1", "https://blog.example.com/post/?a=1#respond");
  }

  @Test
  void dropsDefaultPortsButKeepsOthers() {
    assertNormal("http://blog.example.com/", "http://blog.example.com:80/");
    assertNormal("https://blog.example.com/", "https://blog.example.com:443/");
    assertNormal("http://blog.example.com:443/", "http://blog.example.com:443/");
    assertNormal("https://blog.example.com:80/", "https://blog.example.com:80/");
    assertNormal("https://blog.example.com:8443/x", "https://blog.example.com:8443/x");
  }

  @Test
  void lowerCasesSchemeAndHostButKeepsPathCase() {
    assertNormal("https://blog.example.com/2023/My-Post/", "HTTPS://Blog.EXAMPLE.com/2023/My-Post/");
  }

  @Test
  void addsRootPathWhenMissing() {
    assertNormal("https://blog.example.com/", "https://blog.example.com");
    assertNormal("https://blog.example.com/?p=5", "https://blog.example.com?p=5");
  }

  @Test
  void dropsTrackingParametersAndSortsTheRest() {
    assertNormal("https://blog.example.com/?cat=3&p=5",
        "https://blog.example.com/?utm_source=news&p=5&fbclid=IwAR0x&utm_campaign=spring&gclid=Cj0K&cat=3");
    assertNormal("https://blog.example.com/post/", "https://blog.example.com/post/?replytocom=12");
    assertNormal("https://blog.example.com/post/", "https://blog.example.com/post/?UTM_Medium=email");
    assertNormal("https://blog.example.com/?page_id=2", "https://blog.example.com/?page_id=2&");
  }

  @Test
  void dropsJetpackRelatedPostsTrackingParameters() {
    assertNormal("https://blog.example.com/2022/02/buddy-systems/",
        "https://blog.example.com/2022/02/buddy-systems/?relatedposts_hit=1&relatedposts_origin=115&relatedposts_position=0");
  }

  @Test
  void dropsEmptyQuery() {
    assertNormal("https://blog.example.com/post/", "https://blog.example.com/post/?");
    assertNormal("https://blog.example.com/post/", "https://blog.example.com/post/?&&");
  }

  @Test
  void removesDotSegments() {
    assertNormal("https://blog.example.com/a/c", "https://blog.example.com/a/./b/../c");
    assertNormal("https://blog.example.com/x", "https://blog.example.com/../../x");
  }

  @Test
  void decodesPercentEncodedDotsBeforeRemovingDotSegments() {
    assertNormal("https://blog.example.com/b", "https://blog.example.com/a/%2E%2E/b");
  }

  @Test
  void resolvesParentRelativeReference() {
    assertResolved("https://blog.example.com/2023/03/x", "https://blog.example.com/2023/03/post/", "../x");
    assertResolved("https://blog.example.com/2023/x", "https://blog.example.com/2023/03/post", "../x");
  }

  @Test
  void resolvesQueryOnlyReferenceAgainstFullBasePath() {
    assertResolved("https://blog.example.com/2023/03/post/?q=1", "https://blog.example.com/2023/03/post/", "?q=1");
    assertResolved("https://blog.example.com/2023/03/post?q=1", "https://blog.example.com/2023/03/post", "?q=1");
    assertResolved("https://blog.example.com/search?q=2", "https://blog.example.com/search?q=1#top", "?q=2");
  }

  @Test
  void resolvesSchemeRelativeReference() {
    assertResolved("https://other.host/p", "https://blog.example.com/a/b", "//other.host/p");
    assertResolved("http://other.host/p", "http://blog.example.com/a/b", "//Other.Host/p");
  }

  @Test
  void resolvesRootRelativeAndSiblingReferences() {
    assertResolved("https://blog.example.com/about/", "https://blog.example.com/2023/03/post/", "/about/");
    assertResolved("https://blog.example.com/2023/03/post/feed/", "https://blog.example.com/2023/03/post/", "feed/");
    assertResolved("https://blog.example.com/about/", "https://blog.example.com", "about/");
  }

  @Test
  void fragmentOnlyReferenceResolvesToBase() {
    assertResolved("https://blog.example.com/post/", "https://blog.example.com/post/", "#comments");
  }

  @Test
  void rejectsNonHttpAndEmptyReferences() {
    String base = "https://blog.example.com/post/";
    assertEquals(Optional.empty(), urls.resolve(base, "javascript:void(0)"));
    assertEquals(Optional.empty(), urls.resolve(base, "JavaScript:alert('hi')"));
    assertEquals(Optional.empty(), urls.resolve(base, "mailto:editor@blog.example.com"));
    assertEquals(Optional.empty(), urls.resolve(base, "tel:+441234567890"));
    assertEquals(Optional.empty(), urls.resolve(base, ""));
    assertEquals(Optional.empty(), urls.resolve(base, "   "));
    assertEquals(Optional.empty(), urls.resolve(base, null));
    assertEquals(Optional.empty(), urls.normalize("ftp://files.example.com/a.zip"));
    assertEquals(Optional.empty(), urls.normalize("/relative/without/base"));
  }

  @Test
  void percentEncodesSpacesAndNonAsciiInPathWithUppercaseHex() {
    assertNormal("https://blog.example.com/a%20b/%C3%BCber-uns/", "https://blog.example.com/a b/über-uns/");
    assertNormal("https://blog.example.com/stra%C3%9Fe/", "https://blog.example.com/straße/");
  }

  @Test
  void upperCasesPercentEscapes() {
    assertNormal("https://blog.example.com/a%2Fb/%C3%A9t%C3%A9", "https://blog.example.com/a%2fb/%c3%a9t%c3%a9");
  }

  @Test
  void decodesPercentEscapesOfUnreservedCharacters() {
    assertNormal("https://blog.example.com/~maren/", "https://blog.example.com/%7emaren/");
    assertNormal("https://blog.example.com/~maren/AZ-az_09.", "https://blog.example.com/%7Emaren/%41%5A%2D%61%7A%5F%30%39%2E");
  }

  @Test
  void removesTrailingDotFromHost() {
    assertNormal("https://blog.example.com/p", "https://blog.example.com./p");
  }

  @Test
  void convertsIdnHostToPunycode() {
    assertNormal("https://xn--bcher-kva.example/", "https://bücher.example/");
    assertNormal("https://xn--bcher-kva.example:8080/stra%C3%9Fe/", "https://BÜCHER.example:8080/straße/");
    assertResolved("https://xn--bcher-kva.example/neu/", "https://bücher.example/alt/", "/neu/");
  }
}
