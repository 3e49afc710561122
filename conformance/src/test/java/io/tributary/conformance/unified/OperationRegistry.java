package io.tributary.conformance.unified;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entity operations the runner implements, by name and entity type: one explicit list built by
 * each operations class's {@code register}. Immutable after {@link #standard()}; thread-safe.
 */
public final class OperationRegistry {

  private final Map<String, List<Binding<?>>> byName = new HashMap<>();

  private OperationRegistry() {}

  /** Every operation the runner supports. */
  public static OperationRegistry standard() {
    OperationRegistry registry = new OperationRegistry();
    WriteOperations.register(registry);
    ReadOperations.register(registry);
    AdminOperations.register(registry);
    StreamOperations.register(registry);
    SessionOperations.register(registry);
    ClientBulkWriteOperation.register(registry);
    return registry;
  }

  <T> void add(String name, Class<T> entityType, Operation<? super T> operation) {
    byName.computeIfAbsent(name, n -> new ArrayList<>()).add(new Binding<>(entityType, operation));
  }

  /** Runs operation {@code name} on {@code target}; an unknown pair throws {@link UnsupportedFeature}. */
  public Object execute(String name, Object target, Arguments arguments, TestContext context) throws Exception {
    for (Binding<?> binding : byName.getOrDefault(name, List.of())) {
      if (binding.entityType().isInstance(target)) {
        return binding.execute(target, arguments, context);
      }
    }
    throw new UnsupportedFeature("operation " + name + " on " + target.getClass().getSimpleName());
  }

  private record Binding<T>(Class<T> entityType, Operation<? super T> operation) {
    Object execute(Object target, Arguments arguments, TestContext context) throws Exception {
      return operation.execute(entityType.cast(target), arguments, context);
    }
  }
}
