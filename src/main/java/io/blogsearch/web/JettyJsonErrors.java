package io.blogsearch.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the application (URI or headers too long,
 * unparsable request line) in the API's JSON shape instead of Jetty's HTML page.
 */
final class JettyJsonErrors implements Request.Handler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Object attr = request.getAttribute(ErrorHandler.ERROR_STATUS);
    int status = attr instanceof Integer i ? i : response.getStatus();
    // Jetty answers 505 to a request line without a usable version (a raw line break in the
    // target makes it look like HTTP/0.9): that is the client's malformed request, not ours.
    boolean badVersion = status == 505;
    if (badVersion) {
      status = 400;
    }
    String code = switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      default -> status >= 500 ? "internal_error" : "bad_request";
    };
    String message = switch (status) {
      case 414 -> "request URI is too long";
      case 431 -> "request headers are too large";
      case 413 -> "request body is too large";
      default -> status >= 500 ? "the server could not answer this request"
          : badVersion ? "malformed request line (no supported HTTP version)" : "malformed request";
    };
    String json = "{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}";
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
