package io.blogsearch.web;

/**
 * The one JSON error shape of the API.
 *
 * @param error a short machine-readable code (bad_request, not_found, method_not_allowed, …)
 * @param message what went wrong, for people
 */
public record ApiError(String error, String message) {}
