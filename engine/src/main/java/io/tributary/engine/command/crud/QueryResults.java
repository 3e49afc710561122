package io.tributary.engine.command.crud;

import java.util.stream.Stream;

/**
 * The matching documents of a read, and whether they already come in the requested sort order (an index scan
 * provided it), so no in-memory sort is needed. The stream holds storage resources: close it.
 */
public record QueryResults(Stream<MatchedDocument> documents, boolean sorted) {}
