package io.blogsearch.crawl;

/**
 * One line of the crawl report.
 *
 * @param url the URL as queued
 * @param outcome what happened
 * @param status the final HTTP status, or 0 if none
 * @param reason a human-readable detail (the kind signal, the error, the redirect target…)
 */
public record UrlOutcome(String url, Outcome outcome, int status, String reason) {}
