package io.blogsearch.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one JSON error shape of the API.
 *
 * @param error a short machine-readable code (bad_request, not_found, method_not_allowed, …)
 * @param message what went wrong, for people
 * @param field the request field at fault (e.g. {@code posts[3].published}), left out when none
 */
public record ApiError(String error, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String field) {
  public ApiError(String error, String message) {
    this(error, message, null);
  }
}
