package io.tributary.conformance.unified;

/**
 * One entity operation or special test operation: runs against its target with the given arguments
 * and returns the result (a BSON value, an {@link IteratedDocuments}, a driver object to save as an
 * entity, or null for none). Driver errors propagate unchanged to be matched against {@code
 * expectError}.
 *
 * @param <T> the entity type the operation applies to
 */
@FunctionalInterface
public interface Operation<T> {
  Object execute(T target, Arguments arguments, TestContext context) throws Exception;
}
