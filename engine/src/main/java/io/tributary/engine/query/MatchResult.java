package io.tributary.engine.query;

/**
 * The outcome of matching one document.
 *
 * @param arrayPosition the index of the array element that satisfied the query along the path that the
 *     positional operator {@code $} refers to, or -1 when there is none
 */
public record MatchResult(boolean matched, int arrayPosition) {
  public static final MatchResult NO_MATCH = new MatchResult(false, -1);
  public static final MatchResult MATCH = new MatchResult(true, -1);
}
