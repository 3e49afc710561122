package io.tributary.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against an in-memory Tributary server on 127.0.0.1 and a free port. Test methods,
 * lifecycle methods and constructors may declare parameters of type {@code MongoClient}, {@code MongoDatabase}
 * (the database named by {@link #database()}), {@code ConnectionString} and {@code TributaryServer}.
 *
 * <pre>{@code
 * @TributaryTest
 * class OrdersTest {
 *   @Test
 *   void storesAnOrder(MongoDatabase db) { ... }
 * }
 * }</pre>
 *
 * <p>For settings this annotation does not offer (server parameters, a clock), register the extension in a field
 * instead: {@code @RegisterExtension static TributaryExtension tributary = TributaryExtension.serverPerClass()...}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TributaryExtension.class)
public @interface TributaryTest {
  /** One server per class (the default; data is dropped after each test) or one per test. */
  ServerLifecycle lifecycle() default ServerLifecycle.PER_CLASS;

  /** The database injected as {@code MongoDatabase}. */
  String database() default "test";
}
